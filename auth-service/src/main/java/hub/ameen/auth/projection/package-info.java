/**
 * What auth-service knows of users and roles, projected from user-service's events into
 * its own store: each user's email, status, roles and password hash, and each role's
 * permissions.
 */
package hub.ameen.auth.projection;
