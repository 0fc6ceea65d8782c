/**
 * Work a service does on a timer of its own while it runs (pruning, retention, cleanup):
 * {@link hub.ameen.platform.web.chore.Chore}.
 */
package hub.ameen.platform.web.chore;
