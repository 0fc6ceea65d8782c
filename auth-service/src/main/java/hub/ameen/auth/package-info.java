/**
 * auth-service: credentials, login, access and refresh tokens, and the signing keys that
 * every other service trusts.
 */
package hub.ameen.auth;
