/**
 * A load benchmark of the stream, run by hand (see the module's README), not by the test
 * suite; the suite tests only its stream reader.
 */
package hub.ameen.notification.bench;
