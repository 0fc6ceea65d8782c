/**
 * Service-wide configuration: the time source and the topics the scheduler publishes to
 * and reads from.
 */
package hub.ameen.scheduler.config;
