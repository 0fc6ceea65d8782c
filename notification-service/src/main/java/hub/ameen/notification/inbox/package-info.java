/**
 * Notifications: one per user and source event, numbered per user so a stream can resume.
 */
package hub.ameen.notification.inbox;
