/**
 * The edge: routes {@code /api/*} to the services, checks tokens, and reports the health
 * of the whole hub.
 */
package hub.ameen.gateway;
