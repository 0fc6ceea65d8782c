/**
 * The RSA keys access tokens are signed with: generated on first start, kept in the
 * store, rotated, and published as a JWK set for every service to check tokens against.
 */
package hub.ameen.auth.key;
