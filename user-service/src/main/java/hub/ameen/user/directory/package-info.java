/**
 * Users: profiles, status and role assignments, published as {@code user.*} events.
 */
package hub.ameen.user.directory;
