/**
 * The headers a proxied call carries to its service and back: who the client is
 * ({@code X-Forwarded-For} from the connecting peer, believing an incoming one only from
 * a configured proxy), the request's id, and no hop-by-hop headers.
 */
package hub.ameen.gateway.forwarding;
