/**
 * Resource-server defaults for every service: JWTs checked against auth-service's JWKS,
 * permissions from the {@code perms} claim as authorities, 401/403 as problem details.
 */
package hub.ameen.platform.security;
