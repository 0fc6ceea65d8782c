/**
 * The test kit: a clock tests can move, and (in sub-packages) the shared broker, test
 * tokens and HTTP helpers.
 */
package hub.ameen.platform.test;
