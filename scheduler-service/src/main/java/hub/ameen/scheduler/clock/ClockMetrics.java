package hub.ameen.scheduler.clock;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The clock's meters: timers fired, late and skipped by kind, and the firing lag (fired
 * time minus due time) as a histogram.
 */
final class ClockMetrics {

	private static final String SKIPPED = "hub.scheduler.timers.skipped";

	private static final String FIRED = "hub.scheduler.timers.fired";

	private static final String LATE = "hub.scheduler.timers.late";

	private final MeterRegistry registry;

	private final io.micrometer.core.instrument.Timer lag;

	ClockMetrics(MeterRegistry registry, java.util.Collection<String> kinds) {
		this.registry = registry;
		// every series exists from the start at 0, so that rate() and alerts see the
		// first
		// late or skipped timer as an increase, not as a series that appears
		for (String kind : kinds) {
			counter(SKIPPED, "Timers advanced without firing", kind);
			counter(FIRED, "Timers fired", kind);
			counter(LATE, "Timers fired late", kind);
		}
		this.lag = io.micrometer.core.instrument.Timer.builder("hub.scheduler.firing.lag")
			.description("Time from a timer's due time to its firing")
			.publishPercentileHistogram()
			.register(registry);
	}

	void fired(Timer timer, Firing firing) {
		if (firing.skipped()) {
			counter(SKIPPED, "Timers advanced without firing", timer.kind()).increment();
			return;
		}
		counter(FIRED, "Timers fired", timer.kind()).increment();
		if (firing.late()) {
			counter(LATE, "Timers fired late", timer.kind()).increment();
		}
		this.lag.record(Duration.between(timer.dueAt(), firing.firedAt()));
	}

	private Counter counter(String name, String description, String kind) {
		return Counter.builder(name).description(description).tag("kind", kind).register(this.registry);
	}

}
