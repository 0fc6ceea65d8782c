package hub.ameen.notification.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import hub.ameen.notification.inbox.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stream's parts, wired from {@link StreamProperties}.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StreamConfiguration.class);

	@Bean
	StreamMetrics streamMetrics(MeterRegistry meters, Clock clock) {
		return new StreamMetrics(meters, clock);
	}

	@Bean
	EventEncoder eventEncoder(JsonMapper json) {
		return new EventEncoder(json);
	}

	@Bean
	StreamRegistry streamRegistry(StreamProperties properties, EventEncoder encoder, StreamMetrics metrics,
			MeterRegistry meters) {
		return new StreamRegistry(properties, encoder, metrics, meters);
	}

	@Bean
	NotificationStreams notificationStreams(NotificationStore store, StreamRegistry registry, EventEncoder encoder,
			StreamProperties properties) {
		return new NotificationStreams(store, registry, encoder, properties);
	}

	@Bean
	StreamTickets streamTickets(Clock clock, StreamProperties properties) {
		String shared = properties.ticketSecret();
		if (shared == null || shared.isBlank()) {
			logger.info("No stream ticket secret set (HUB_STREAM_TICKET_SECRET): tickets are redeemable "
					+ "on this instance only");
			return new StreamTickets(clock, properties.ticketTtl(), StreamTickets.randomSecret());
		}
		return new StreamTickets(clock, properties.ticketTtl(), shared.getBytes(StandardCharsets.UTF_8));
	}

}
