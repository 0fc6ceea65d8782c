package hub.ameen.scheduler.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an event is in its life: scheduled events fire their timers; completed ones are
 * over (set by the per-minute sweep) and removed after the retention; cancelled ones stay
 * visible to their owner but fire nothing.
 */
public enum EventStatus {

	@JsonProperty("scheduled")
	SCHEDULED,

	@JsonProperty("completed")
	COMPLETED,

	@JsonProperty("cancelled")
	CANCELLED

}
