/**
 * Roles: named sets of permissions, the defaults created on first start, and custom ones.
 */
package hub.ameen.user.role;
