package hub.ameen.scheduler.clock;

import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockMetricsTests {

	@Test
	void everyKindsFiredLateAndSkippedCountersExistAtZeroBeforeAnythingFires() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ClockMetrics(registry, Set.of("event.reminder", "task.deadline"));
		for (String name : Set.of("hub.scheduler.timers.fired", "hub.scheduler.timers.late",
				"hub.scheduler.timers.skipped")) {
			for (String kind : Set.of("event.reminder", "task.deadline")) {
				assertThat(registry.get(name).tag("kind", kind).counter().count()).as(name + " " + kind).isZero();
			}
		}
	}

}
