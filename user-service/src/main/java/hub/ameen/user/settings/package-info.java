/**
 * The organisation's settings: its name and the defaults every service applies to users
 * who have not chosen their own, announced as {@code settings.updated} events.
 */
package hub.ameen.user.settings;
