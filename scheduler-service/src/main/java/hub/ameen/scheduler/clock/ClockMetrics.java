package hub.ameen.scheduler.clock;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The clock's meters: timers fired, late and skipped by kind, and the firing lag (fired
 * time minus due time) as a histogram.
 */
final class ClockMetrics {

	private final MeterRegistry registry;

	private final io.micrometer.core.instrument.Timer lag;

	ClockMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lag = io.micrometer.core.instrument.Timer.builder("hub.scheduler.firing.lag")
			.description("Time from a timer's due time to its firing")
			.publishPercentileHistogram()
			.register(registry);
	}

	void fired(Timer timer, Firing firing) {
		if (firing.skipped()) {
			counter("hub.scheduler.timers.skipped", "Timers advanced without firing", timer.kind()).increment();
			return;
		}
		counter("hub.scheduler.timers.fired", "Timers fired", timer.kind()).increment();
		if (firing.late()) {
			counter("hub.scheduler.timers.late", "Timers fired late", timer.kind()).increment();
		}
		this.lag.record(Duration.between(timer.dueAt(), firing.firedAt()));
	}

	private Counter counter(String name, String description, String kind) {
		return Counter.builder(name).description(description).tag("kind", kind).register(this.registry);
	}

}
