package hub.ameen.notification.feed;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the activity feed, under {@code hub.notifications.feed}.
 *
 * @param retention how long an entry is kept after it happened
 * @param cleanupInterval how often entries past their retention are removed
 */
@Validated
@ConfigurationProperties("hub.notifications.feed")
public record FeedProperties(@DefaultValue("90d") @NotNull Duration retention,
		@DefaultValue("1h") @NotNull Duration cleanupInterval) {

	public FeedProperties {
		if (retention != null && (retention.isNegative() || retention.isZero())) {
			throw new IllegalArgumentException("hub.notifications.feed.retention must be positive");
		}
		if (cleanupInterval != null && (cleanupInterval.isNegative() || cleanupInterval.isZero())) {
			throw new IllegalArgumentException("hub.notifications.feed.cleanup-interval must be positive");
		}
	}

}
