/**
 * Service-wide beans: the clock.
 */
package hub.ameen.notification.config;
