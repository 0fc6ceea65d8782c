/**
 * End-to-end tests that run the whole suite as separate JVM processes through the
 * {@code ./hub} script, exactly as a developer starts it.
 */
package hub.ameen.e2e;
