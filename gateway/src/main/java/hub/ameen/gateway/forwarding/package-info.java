/**
 * Tells the services who the client is: {@code X-Forwarded-For} from the connecting peer,
 * believing an incoming one only from a configured proxy.
 */
package hub.ameen.gateway.forwarding;
