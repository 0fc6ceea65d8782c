package hub.ameen.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import hub.ameen.notification.inbound.Notifier;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.test.kafka.TopicWriter;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.awaitility.Awaitility;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one application context of this module's integration tests: the whole service on a
 * random port, with a real Kafka broker, real LMDB files in a temporary directory and
 * test-signed tokens. Tests use fresh user ids so they do not see each other's data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.notifications.stream.heartbeat=2s", "hub.events.listener.retries=1",
				"hub.events.listener.retry-interval=100ms",
				// StreamTests opens 30 streams of one user at once
				"hub.notifications.stream.max-per-user=32" })
@AutoConfigureWebTestClient
@UsesKafka
@UsesTestTokens
public abstract class ServiceTestSupport {

	public static final String READ = "notifications:read";

	private static final Path DATA = temporaryDirectory();

	@LocalServerPort
	protected int port;

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected Store store;

	@Autowired
	protected Notifier notifier;

	@Autowired
	protected NotificationStore notifications;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> DATA.toString());
	}

	protected static String newUser() {
		return "u" + UUID.randomUUID().toString().replace("-", "");
	}

	protected static String bearer(String userId) {
		return TestTokens.shared().bearer(userId, READ);
	}

	protected static Map<String, String> auth(String userId) {
		return Map.of("Authorization", bearer(userId));
	}

	/**
	 * Publishes an event to Kafka as a producing service would, and waits for the ack.
	 */
	protected void publish(String topic, EventEnvelope event) {
		TopicWriter.shared().send(topic, event.key(), this.json.writeValueAsString(event));
	}

	protected EventEnvelope event(String type, String key, Object payload) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), key, null,
				this.json.valueToTree(payload));
	}

	/** A {@code scheduler.reminder.due} as scheduler-service publishes it. */
	protected EventEnvelope reminder(String eventId, String title, List<String> recipients) {
		Instant now = Instant.now();
		return event("scheduler.reminder.due", eventId,
				Map.of("eventId", eventId, "occurrenceStart", now.plusSeconds(900).toString(), "title", title,
						"location", "Room 4", "dueAt", now.toString(), "firedAt", now.toString(), "late", false,
						"recipients", recipients));
	}

	/**
	 * Creates notifications as a consumer does, in one transaction, and waits until this
	 * instance has read them back from the inbox topic and numbered them.
	 */
	protected List<Notification> notify(String userId, int count, String body) {
		List<Notification> announced = this.store.writeAndWait((txn) -> {
			List<Notification> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				NotificationDraft draft = new NotificationDraft("reminder.due", "Test " + i, body, "/calendar",
						UUID.randomUUID().toString(), Instant.now());
				created.addAll(this.notifier.notify(txn, draft, List.of(userId)));
			}
			return created;
		});
		List<Notification> kept = new ArrayList<>();
		for (Notification notification : announced) {
			kept.add(Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> this.notifications.find(userId, notification.id()), Optional::isPresent)
				.get());
		}
		return kept;
	}

	private static Path temporaryDirectory() {
		try {
			Path dir = Files.createTempDirectory("notification-service-tests-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					FileSystemUtils.deleteRecursively(dir);
				}
				catch (IOException ex) {
					// best effort
				}
			}));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
