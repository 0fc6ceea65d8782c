/**
 * On-demand JMH benchmarks of the store, run with {@code platform/store/bench.sh}; never
 * part of the test suite.
 */
package hub.ameen.platform.store.bench;
