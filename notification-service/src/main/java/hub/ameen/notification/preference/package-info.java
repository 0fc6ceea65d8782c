/**
 * Preferences: which kinds of notification each user has muted.
 */
package hub.ameen.notification.preference;
