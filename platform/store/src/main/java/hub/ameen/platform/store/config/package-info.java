/**
 * Spring Boot auto-configuration of the store: one environment per service.
 */
package hub.ameen.platform.store.config;
