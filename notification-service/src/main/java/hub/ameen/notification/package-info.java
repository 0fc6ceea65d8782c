/**
 * notification-service: per-user notifications, read state, preferences and the live
 * stream.
 */
package hub.ameen.notification;
