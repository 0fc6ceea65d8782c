/**
 * Balancing a service's instances: {@code lb://<service>} routes go round-robin over the
 * base URLs {@code hub.gateway.services.<service>} lists.
 */
package hub.ameen.gateway.balancing;
