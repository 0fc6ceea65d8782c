package hub.ameen.scheduler.calendar;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the events API, under {@code hub.scheduler.events}.
 *
 * @param maxWindow the longest {@code from..to} window of an occurrences query
 * @param maxOccurrences the most occurrences one query returns before it asks for a
 * narrower window
 * @param maxExpansion the most recurrence instances one occurrences query visits
 * @param maxExpansionTime the longest one occurrences query spends expanding recurrences
 * @param manageAnyPermissions holding any of these, a caller sees and changes every event
 * (admins and managers hold {@code scheduler:manage}; members do not, and see and change
 * only what they created or attend)
 */
@Validated
@ConfigurationProperties("hub.scheduler.events")
record EventProperties(@DefaultValue("366d") @NotNull Duration maxWindow,
		@DefaultValue("5000") @Min(1) @Max(100_000) int maxOccurrences,
		@DefaultValue("200000") @Min(1) int maxExpansion, @DefaultValue("5s") @NotNull Duration maxExpansionTime,
		@DefaultValue( {
				"scheduler:manage" }) List<String> manageAnyPermissions){
}
