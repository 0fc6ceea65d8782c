package hub.ameen.notification.stream;

import java.time.Clock;
import java.time.Duration;

import hub.ameen.notification.inbox.Notification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the stream reports: notifications written to streams and how long after their
 * source event came due, and connections closed for being too slow. (The number of open
 * streams is the registry's gauge.)
 */
class StreamMetrics {

	/**
	 * How a notification reached a stream: as it was created, or replayed on reconnect.
	 */
	enum Mode {

		LIVE, REPLAY

	}

	private final Clock clock;

	private final Counter[] delivered = new Counter[Mode.values().length];

	private final Timer[] latency = new Timer[Mode.values().length];

	private final Counter dropped;

	StreamMetrics(MeterRegistry meters, Clock clock) {
		this.clock = clock;
		for (Mode mode : Mode.values()) {
			String tag = mode.name().toLowerCase();
			this.delivered[mode.ordinal()] = Counter.builder("hub.notifications.delivered")
				.description("Notifications written to a stream (once per open stream of the user)")
				.tag("mode", tag)
				.register(meters);
			this.latency[mode.ordinal()] = Timer.builder("hub.notifications.delivery.latency")
				.description("From the source event's due time (else its occurrence) to the write to the stream")
				.tag("mode", tag)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(1))
				.maximumExpectedValue(Duration.ofMinutes(10))
				.register(meters);
		}
		this.dropped = Counter.builder("hub.notifications.streams.dropped")
			.description("Streams closed because the client read too slowly")
			.register(meters);
	}

	void delivered(Notification notification, Mode mode) {
		this.delivered[mode.ordinal()].increment();
		if (notification.eventAt() != null) {
			Duration since = Duration.between(notification.eventAt(), this.clock.instant());
			this.latency[mode.ordinal()].record(since.isNegative() ? Duration.ZERO : since);
		}
	}

	void dropped() {
		this.dropped.increment();
	}

}
