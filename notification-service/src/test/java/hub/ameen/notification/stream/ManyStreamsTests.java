package hub.ameen.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.test.web.SseClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One instance, a thousand open streams (one per user), one reminder for all of them
 * through Kafka: every stream receives it, once.
 */
class ManyStreamsTests extends ServiceTestSupport {

	static final int STREAMS = 1000;

	@Autowired
	StreamRegistry registry;

	@Test
	void aThousandConcurrentStreamsEachReceiveABroadcast() {
		List<String> users = IntStream.range(0, STREAMS).mapToObj((i) -> newUser()).toList();
		List<SseClient> streams = new ArrayList<>(STREAMS);
		// signing a thousand tokens is most of this test's time: use both cores
		List<Map<String, String>> tokens = users.parallelStream().map(ServiceTestSupport::auth).toList();
		// the first token makes the service fetch the key set; the rest reuse it
		SseClient.connect(this.port, StreamTests.PATH, tokens.get(0)).close();
		try {
			for (int from = 0; from < STREAMS; from += 250) {
				List<SseClient> batch = tokens.subList(from, from + 250)
					.stream()
					.map((token) -> SseClient.open(this.port, StreamTests.PATH, token))
					.toList();
				streams.addAll(batch);
				await().atMost(Duration.ofSeconds(30)).until(() -> batch.stream().allMatch(SseClient::connected));
			}
			assertThat(this.registry.connected()).isGreaterThanOrEqualTo(STREAMS);

			long published = System.nanoTime();
			publish(StreamTests.REMINDERS, reminder("all-hands", "All hands", users));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> streams.stream().allMatch((stream) -> !stream.notifications().isEmpty()));
			long slowest = streams.stream()
				.mapToLong((s) -> s.notifications().get(0).receivedAtNanos())
				.max()
				.orElse(0);

			assertThat(streams).allSatisfy((stream) -> {
				assertThat(stream.ids()).hasSize(1).allMatch((id) -> id > 0);
				assertThat(this.json.readTree(stream.notifications().get(0).data()).get("title").asString())
					.isEqualTo("All hands");
			});
			System.out.printf("%d streams: broadcast delivered to all within %d ms of publishing%n", STREAMS,
					Duration.ofNanos(slowest - published).toMillis());
		}
		finally {
			streams.forEach(SseClient::close);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.connected() < STREAMS);
	}

}
