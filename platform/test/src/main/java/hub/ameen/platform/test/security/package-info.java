/**
 * Test kit for resource servers: an RSA key whose JWKS is served over HTTP, and tokens
 * minted with it, good and deliberately bad.
 */
package hub.ameen.platform.test.security;
