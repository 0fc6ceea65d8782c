/**
 * Events between services: one envelope, topic names, an LMDB outbox relayed to Kafka
 * after commit, and idempotent consumers whose poison messages go to a dead-letter topic.
 */
package hub.ameen.platform.events;
