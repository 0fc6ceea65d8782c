/**
 * Typed, transactional access to one LMDB environment per service: collections with
 * codecs, secondary indexes kept in the same transaction, cursor pagination, a single
 * batching writer, map growth, metrics and online backup.
 */
package hub.ameen.platform.store;
