/**
 * The daily digest: when the scheduler says a user's digest is due, what that user has
 * overdue and due today, announced for notification-service to deliver.
 */
package hub.ameen.tasks.digest;
