/**
 * The service's settings and scheduling.
 */
package hub.ameen.auth.config;
