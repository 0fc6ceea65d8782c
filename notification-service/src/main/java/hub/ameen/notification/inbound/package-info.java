/**
 * What other services tell us: their events, turned into notifications exactly once.
 */
package hub.ameen.notification.inbound;
