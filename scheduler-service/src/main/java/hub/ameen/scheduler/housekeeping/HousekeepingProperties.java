package hub.ameen.scheduler.housekeeping;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the housekeeping jobs, under {@code hub.scheduler}.
 *
 * @param retention completed events (and done or deleted tasks) are removed this long
 * after they completed
 * @param sweepInterval how often past events are completed and missing timers created
 * @param cleanupInterval how often old completed events are removed
 * @param housekeeping whether the jobs run
 */
@Validated
@ConfigurationProperties("hub.scheduler")
record HousekeepingProperties(@DefaultValue("30d") @NotNull Duration retention,
		@DefaultValue("1m") @NotNull Duration sweepInterval, @DefaultValue("1h") @NotNull Duration cleanupInterval,
		@DefaultValue("true") boolean housekeeping) {
}
