/**
 * An on-demand load driver against a running suite, run with {@code bench/load.sh}; never
 * part of the test suite.
 */
package hub.ameen.e2e.bench;
