package hub.ameen.notification.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import hub.ameen.notification.inbox.Notification;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventEncoder} writes each event byte for byte as Spring's
 * {@code ServerSentEventHttpMessageWriter} wrote it when a controller answered the
 * stream.
 */
class StreamEncodingTests {

	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	private final EventEncoder encoder = new EventEncoder(this.json);

	@Test
	void everyKindOfEventIsWrittenAsSpringsWriterWritesIt() {
		Notification notification = new Notification("n-1", "user-1", 42, "reminder.due", "Standup «daily»",
				"Starts in 10 minutes\nRoom 2", "/calendar/events/e-1", Instant.parse("2026-12-03T08:00:00Z"), null,
				"source-1", Instant.parse("2026-12-03T08:10:00Z"));
		List<ServerSentEvent<Object>> events = List.of(
				ServerSentEvent.<Object>builder().retry(Duration.ofSeconds(3)).comment("connected").build(),
				ServerSentEvent.<Object>builder().comment("heartbeat").build(),
				ServerSentEvent.<Object>builder().comment("two\nlines").build(),
				ServerSentEvent.<Object>builder(notification).id("42").event("notification").build(),
				ServerSentEvent.<Object>builder(Map.of("kind", "contact.created", "text", "é ✓"))
					.event("feed")
					.build());
		for (ServerSentEvent<Object> event : events) {
			assertThat(ours(event)).isEqualTo(springs(event));
		}
	}

	private String ours(ServerSentEvent<Object> event) {
		DataBuffer buffer = this.encoder.encode(DefaultDataBufferFactory.sharedInstance, event);
		return buffer.toString(StandardCharsets.UTF_8);
	}

	private String springs(ServerSentEvent<Object> event) {
		ServerSentEventHttpMessageWriter writer = new ServerSentEventHttpMessageWriter(
				new JacksonJsonEncoder(this.json));
		MockServerHttpResponse response = new MockServerHttpResponse();
		writer
			.write(Mono.just(event), ResolvableType.forClassWithGenerics(ServerSentEvent.class, Object.class),
					MediaType.TEXT_EVENT_STREAM, response, Map.of())
			.block();
		return response.getBodyAsString().block();
	}

}
