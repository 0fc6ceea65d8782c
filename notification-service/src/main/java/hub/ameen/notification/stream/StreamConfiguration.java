package hub.ameen.notification.stream;

import java.time.Clock;

import hub.ameen.notification.inbox.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stream's parts, wired from {@link StreamProperties}.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

	@Bean
	StreamMetrics streamMetrics(MeterRegistry meters, Clock clock) {
		return new StreamMetrics(meters, clock);
	}

	@Bean
	StreamRegistry streamRegistry(StreamProperties properties, StreamMetrics metrics, MeterRegistry meters) {
		return new StreamRegistry(properties.bufferSize(), properties.maxPerUser(), metrics, meters);
	}

	@Bean
	NotificationStreams notificationStreams(NotificationStore store, StreamRegistry registry, StreamMetrics metrics,
			StreamProperties properties) {
		return new NotificationStreams(store, registry, metrics, properties);
	}

	@Bean
	StreamTickets streamTickets(Clock clock, StreamProperties properties) {
		return new StreamTickets(clock, properties.ticketTtl());
	}

}
