/**
 * Login with email and password, guarded against brute force: a per-account lockout after
 * repeated failures and a per-address rate limit, neither revealing whether an email
 * exists.
 */
package hub.ameen.auth.login;
