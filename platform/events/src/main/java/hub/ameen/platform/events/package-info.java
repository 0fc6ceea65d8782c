/**
 * Events between services: one envelope, topic names, an LMDB outbox relayed to Kafka
 * after commit, and idempotent consumers whose poison messages go to a dead-letter topic;
 * an aggregate's compacted changelog, which rebuilds an empty store before it serves.
 */
package hub.ameen.platform.events;
