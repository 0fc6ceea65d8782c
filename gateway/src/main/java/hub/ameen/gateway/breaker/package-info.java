/**
 * One circuit breaker per route, declared once as a default filter; a route opts out with
 * the metadata {@code circuit-breaker: false}.
 */
package hub.ameen.gateway.breaker;
