/**
 * The activity feed: one chronological record of what happened across the hub, built from
 * the events the services publish, shown to each user only where they may read the record
 * it is about.
 */
package hub.ameen.notification.feed;
