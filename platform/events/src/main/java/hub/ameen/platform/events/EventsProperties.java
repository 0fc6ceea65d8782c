package hub.ameen.platform.events;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the outbox relay, the inbox and the listeners, under {@code hub.events}.
 *
 * @param relay how the outbox is published
 * @param inbox how long processed event ids are remembered
 * @param listener how a failing record is retried before it goes to the dead-letter topic
 * @param changelog whether an empty store is restored from its changelog topics
 */
@Validated
@ConfigurationProperties("hub.events")
public record EventsProperties(@Valid @DefaultValue RelaySettings relay, @Valid @DefaultValue InboxSettings inbox,
		@Valid @DefaultValue ListenerSettings listener, @Valid @DefaultValue ChangelogSettings changelog) {

	/**
	 * The outbox relay.
	 *
	 * @param batchSize the most events sent before waiting for their acknowledgements
	 * @param pollInterval how often the outbox is checked without a wake-up
	 * @param maxBackoff the longest pause between attempts while Kafka fails
	 */
	public record RelaySettings(@DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
			@DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("5s") @NotNull Duration maxBackoff) {
	}

	/**
	 * The inbox of processed event ids.
	 *
	 * @param retention how long an id is remembered; redeliveries older than this would
	 * be applied again
	 * @param pruneInterval how often ids older than the retention are removed
	 */
	public record InboxSettings(@DefaultValue("14d") @NotNull Duration retention,
			@DefaultValue("1h") @NotNull Duration pruneInterval) {
	}

	/**
	 * The listener containers' error handling.
	 *
	 * @param retries attempts after the first before a record goes to the dead-letter
	 * topic
	 * @param retryInterval the pause between attempts
	 */
	public record ListenerSettings(@DefaultValue("2") @Min(0) int retries,
			@DefaultValue("1s") @NotNull Duration retryInterval) {
	}

	/**
	 * The changelogs (docs/decisions/0009-stores-rebuilt-from-kafka.md).
	 *
	 * @param restore whether a store that starts empty is restored from its aggregates'
	 * changelog topics (the default); {@code false} starts it empty even when the broker
	 * holds changelogs, e.g. a test's throw-away store on a broker that other tests'
	 * stores write to. Changes are written to the changelogs either way
	 */
	public record ChangelogSettings(@DefaultValue("true") boolean restore) {
	}

}
