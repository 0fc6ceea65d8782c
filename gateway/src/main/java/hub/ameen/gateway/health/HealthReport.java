package hub.ameen.gateway.health;

import java.util.Map;

/**
 * The hub's health: {@code UP} when every service is.
 *
 * @param status {@code UP} or {@code DOWN}
 * @param services each service's status, in configuration order
 */
record HealthReport(String status, Map<String, String> services) {

	static final String UP = "UP";

	static final String DOWN = "DOWN";

	static HealthReport of(Map<String, String> services) {
		return new HealthReport(services.values().stream().allMatch(UP::equals) ? UP : DOWN, services);
	}

	boolean up() {
		return UP.equals(this.status);
	}

}
