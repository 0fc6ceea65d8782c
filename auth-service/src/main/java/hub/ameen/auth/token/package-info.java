/**
 * Access tokens (short-lived RS256 JWTs) and refresh tokens (opaque, rotated on every
 * use, in families revoked as a whole when a spent one comes back).
 */
package hub.ameen.auth.token;
