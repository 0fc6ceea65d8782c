/**
 * user-service: users, their profiles, roles and permissions, and user settings.
 */
package hub.ameen.user;
