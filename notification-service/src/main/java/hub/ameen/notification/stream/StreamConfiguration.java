package hub.ameen.notification.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import hub.ameen.notification.inbox.NotificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.netty.http.Http2SettingsSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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

	/**
	 * How many streams one HTTP/2 connection may carry ({@code server.http2.enabled}: h2c
	 * beside HTTP/1.1). A stream on its own connection costs the service a socket, and
	 * one process may open only so many files; streams multiplexed on a few connections
	 * cost their own state only (decision 0007, twenty-ninth round).
	 */
	@Bean
	StreamsPerConnection streamsPerConnection(StreamProperties properties) {
		return new StreamsPerConnection(properties.maxPerConnection());
	}

	/**
	 * Sets the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}. Spring Boot's own
	 * customizer (order 0) replaces the server's HTTP/2 settings with a fresh set of its
	 * own (the header list size, from {@code server.max-http-request-header-size}), which
	 * would drop a limit set before it; this one comes after it, and keeps every setting
	 * already made.
	 */
	record StreamsPerConnection(
			int limit) implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

		@Override
		public void customize(NettyReactiveWebServerFactory factory) {
			factory.addServerCustomizers((server) -> {
				Http2SettingsSpec current = server.configuration().http2SettingsSpec();
				return server.http2Settings((settings) -> keep(current, settings).maxConcurrentStreams(this.limit));
			});
		}

		/** The settings made so far (null: none), on a fresh builder. */
		static Http2SettingsSpec.Builder keep(Http2SettingsSpec set, Http2SettingsSpec.Builder settings) {
			if (set == null) {
				return settings;
			}
			Optional.ofNullable(set.headerTableSize()).ifPresent(settings::headerTableSize);
			Optional.ofNullable(set.initialWindowSize()).ifPresent(settings::initialWindowSize);
			Optional.ofNullable(set.maxFrameSize()).ifPresent(settings::maxFrameSize);
			Optional.ofNullable(set.maxHeaderListSize()).ifPresent(settings::maxHeaderListSize);
			Optional.ofNullable(set.maxStreams()).ifPresent(settings::maxStreams);
			Optional.ofNullable(set.connectProtocolEnabled()).ifPresent(settings::connectProtocolEnabled);
			Optional.ofNullable(set.pingAckTimeout()).ifPresent(settings::pingAckTimeout);
			Optional.ofNullable(set.pingAckDropThreshold()).ifPresent(settings::pingAckDropThreshold);
			if (set.maxDecodedRstFramesPerWindow() != null && set.maxDecodedRstFramesSecondsPerWindow() != null) {
				settings.maxDecodedRstFramesPerWindow(set.maxDecodedRstFramesPerWindow(),
						set.maxDecodedRstFramesSecondsPerWindow());
			}
			if (set.maxEncodedRstFramesPerWindow() != null && set.maxEncodedRstFramesSecondsPerWindow() != null) {
				settings.maxEncodedRstFramesPerWindow(set.maxEncodedRstFramesPerWindow(),
						set.maxEncodedRstFramesSecondsPerWindow());
			}
			return settings;
		}

		@Override
		public int getOrder() {
			return 1;
		}

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
