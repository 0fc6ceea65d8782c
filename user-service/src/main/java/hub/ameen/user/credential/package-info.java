/**
 * Initial passwords: hashed here at once and handed to auth-service, which owns
 * credentials, as a {@code credential.set} event; the plain password is never stored.
 */
package hub.ameen.user.credential;
