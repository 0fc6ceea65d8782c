/**
 * Files attached to a service's records: uploads streamed to a temporary file, checked by
 * their content, moved into {@code uploads/{images,documents,videos,others}} and recorded
 * with their event in the service's LMDB store, then served with safe headers.
 */
package hub.ameen.platform.files;
