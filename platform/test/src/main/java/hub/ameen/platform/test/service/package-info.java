/**
 * A whole service started in the test's JVM on a store directory of the test's, to stop,
 * wipe and start again.
 */
package hub.ameen.platform.test.service;
