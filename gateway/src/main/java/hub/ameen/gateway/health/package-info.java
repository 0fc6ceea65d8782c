/**
 * {@code GET /api/health}: the health of every service, polled at once.
 */
package hub.ameen.gateway.health;
