/**
 * One real Kafka broker per test JVM, started on first use and shared by every test that
 * asks for it through {@link hub.ameen.platform.test.kafka.UsesKafka} or
 * {@link hub.ameen.platform.test.kafka.SharedKafka}.
 */
package hub.ameen.platform.test.kafka;
