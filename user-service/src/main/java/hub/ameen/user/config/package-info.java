/**
 * Wiring: password hashing and the topics this service writes.
 */
package hub.ameen.user.config;
