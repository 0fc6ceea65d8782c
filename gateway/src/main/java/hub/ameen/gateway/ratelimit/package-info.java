/**
 * The gateway's own rate limits: every API call of a signed-in user, and sign-in attempts
 * per client address, answered 429 with {@code Retry-After} before anything is proxied.
 */
package hub.ameen.gateway.ratelimit;
