/**
 * Retries for reads only: a {@code GET} or {@code HEAD} whose connection failed before an
 * answer is tried again; anything with a body passes untouched.
 */
package hub.ameen.gateway.retry;
