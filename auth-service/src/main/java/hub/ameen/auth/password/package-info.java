/**
 * Setting passwords: a user changes their own with the current one, an administrator sets
 * a new one for anybody; either ends the user's other logins.
 */
package hub.ameen.auth.password;
