package hub.ameen.scheduler.clock;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the clock, under {@code hub.scheduler.clock}.
 *
 * @param enabled whether the clock thread runs (tests of other parts may turn it off)
 * @param lateAfter a timer fired more than this after its due time is marked late
 * @param catchUpWindow a timer overdue by more than this (the service was down that long)
 * is advanced without being announced
 * @param batchSize the most timers fired in one transaction
 * @param idleWake the longest the clock sleeps without checking the index
 */
@Validated
@ConfigurationProperties("hub.scheduler.clock")
public record ClockProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2s") @NotNull Duration lateAfter,
		@DefaultValue("24h") @NotNull Duration catchUpWindow, @DefaultValue("200") @Min(1) @Max(10_000) int batchSize,
		@DefaultValue("1s") @NotNull Duration idleWake) {

	/** The defaults, for tests and tools. */
	public static ClockProperties defaults() {
		return new ClockProperties(true, Duration.ofSeconds(2), Duration.ofHours(24), 200, Duration.ofSeconds(1));
	}

}
