/**
 * Token-bucket rate limits keyed by whatever a caller is counted by (a user, a client
 * address), behind one bucket-store interface so that several instances can share a
 * store.
 */
package hub.ameen.platform.web.ratelimit;
