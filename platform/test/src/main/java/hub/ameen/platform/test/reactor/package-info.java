/**
 * Reactor test helpers: counting the thread-locals Reactor restores from a subscriber's
 * context.
 */
package hub.ameen.platform.test.reactor;
