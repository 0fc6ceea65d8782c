/**
 * What a route answers while its service is down or its circuit is open.
 */
package hub.ameen.gateway.fallback;
