/**
 * The gateway's connections to the services: a proxied call goes out on a pooled
 * connection of the event loop that read it, so that it never changes threads on its way.
 */
package hub.ameen.gateway.connections;
