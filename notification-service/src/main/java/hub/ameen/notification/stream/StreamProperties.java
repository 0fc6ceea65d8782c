package hub.ameen.notification.stream;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification stream, under {@code hub.notifications.stream}.
 *
 * @param heartbeat how often an idle stream gets a comment line, so that proxies keep it
 * open and dead peers are noticed
 * @param bufferSize notifications queued for one connection beyond what its socket and
 * write buffer take (or waiting while what it missed is replayed) before it counts as too
 * slow and is closed (the client resumes with {@code Last-Event-ID} and loses nothing)
 * @param replayBatch notifications read from the store at a time when replaying
 * @param retry the reconnection delay the stream tells browsers ({@code retry:})
 * @param ticketTtl how long a stream ticket may wait to be used
 * @param ticketSecret the key every instance signs and checks stream tickets with (at
 * least 32 bytes; {@code HUB_STREAM_TICKET_SECRET}); none: a random one per process, so a
 * ticket is redeemed only on the instance that issued it
 * @param maxPerUser streams one user may hold open on this instance at once (tabs,
 * devices); one more is refused with 429, so no single user can exhaust the instance
 * @param maxPerConnection streams one HTTP/2 connection may carry at once (its
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}); a client that holds more opens another
 * connection
 */
@Validated
@ConfigurationProperties("hub.notifications.stream")
public record StreamProperties(@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue("256") @Min(1) @Max(65_536) int bufferSize,
		@DefaultValue("256") @Min(1) @Max(10_000) int replayBatch, @DefaultValue("3s") @NotNull Duration retry,
		@DefaultValue("30s") @NotNull Duration ticketTtl, @DefaultValue("20") @Min(1) @Max(1_000) int maxPerUser,
		@DefaultValue("1000") @Min(1) @Max(100_000) int maxPerConnection, String ticketSecret) {

	public StreamProperties {
		requirePositive(heartbeat, "heartbeat");
		requirePositive(ticketTtl, "ticket-ttl");
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new IllegalArgumentException("hub.notifications.stream." + name + " must be positive");
		}
	}

}
