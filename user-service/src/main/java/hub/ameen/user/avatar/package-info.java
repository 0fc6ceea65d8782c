/**
 * Users' pictures, through the platform files library: images only, changed by the user
 * or an admin, seen by anyone signed in, and deleted with the user.
 */
package hub.ameen.user.avatar;
