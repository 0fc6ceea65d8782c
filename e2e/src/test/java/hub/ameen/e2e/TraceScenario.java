package hub.ameen.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the client to the consumer: a task created through the gateway with a
 * {@code traceparent} of the test's own is announced by tasks-service through its outbox,
 * and notification-service's log line for that event carries the same trace id — so the
 * trace ran through the gateway, the service, the outbox entry, Kafka's header and the
 * listener. Needs {@code LOGGING_LEVEL_HUB_AMEEN_PLATFORM_EVENTS=DEBUG} (the line that
 * says an event was applied).
 */
final class TraceScenario {

	private final Cast cast;

	private final Path logs;

	TraceScenario(Cast cast, Path logs) {
		this.cast = cast;
		this.logs = logs;
	}

	/** The trace id followed, once notification-service has logged it. */
	String aCreateIsFollowedFromTheGatewayToNotificationServiceByItsTraceId() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String body = Api.json.writeValueAsString(
				Map.of("title", "Traced " + traceId.substring(0, 8), "assigneeId", this.cast.thirdId()));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.cast.gateway().port() + "/api/tasks"))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + this.cast.token(Actor.OWNER))
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> created = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String taskId = Api.json.readTree(created.body()).path("id").asString();
		Path log = this.logs.resolve("notification-service.log");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(linesWith(log, traceId))
				.as("notification-service's log lines with trace id " + traceId)
				.anyMatch((line) -> line.contains("task.created") && line.contains(taskId)));
		return traceId;
	}

	private static java.util.List<String> linesWith(Path log, String traceId) throws IOException {
		try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> line.contains(traceId)).toList();
		}
	}

}
