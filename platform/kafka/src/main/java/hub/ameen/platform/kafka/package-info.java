/**
 * A real Apache Kafka broker in KRaft mode, started in-process for tests or as its own
 * process for the local run ({@link hub.ameen.platform.kafka.LocalKafka}).
 */
package hub.ameen.platform.kafka;
