package hub.ameen.notification.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.platform.test.web.SseClient;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.security.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamTests extends ServiceTestSupport {

	static final String PATH = "/api/notifications/stream";

	static final String REMINDERS = Topics.REMINDER;

	@Autowired
	StreamRegistry registry;

	@Autowired
	MeterRegistry meters;

	@Autowired
	StreamProperties properties;

	@Test
	void aReminderPublishedToKafkaReachesTheConnectedStreamOnce() {
		String alice = newUser();
		String bob = newUser();
		try (SseClient stream = SseClient.connect(this.port, PATH, auth(alice))) {
			assertThat(stream.events().get(0).retry()).isEqualTo("3000");
			EventEnvelope due = reminder("event-" + alice, "Standup", List.of(alice, bob));
			publish(REMINDERS, due);
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() == 1);

			SseClient.Event received = stream.notifications().get(0);
			assertThat(Long.parseLong(received.id())).isPositive();
			JsonNode data = this.json.readTree(received.data());
			assertThat(data.get("type").asString()).isEqualTo("reminder.due");
			assertThat(data.get("title").asString()).isEqualTo("Standup");
			assertThat(data.get("body").asString()).isEqualTo("Starts in 15 minutes · Room 4");
			assertThat(data.get("link").asString()).startsWith("/calendar/events/event-" + alice + "?occurrence=");
			assertThat(data.get("sourceEventId").asString()).isEqualTo(due.id());
			assertThat(data.get("readAt").isNull()).isTrue();

			// Kafka delivers it again; then a second reminder on the same partition
			// behind it
			publish(REMINDERS, due);
			publish(REMINDERS, reminder("event-" + alice, "Retro", List.of(alice)));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() >= 2);
			assertThat(stream.notifications()).extracting((e) -> this.json.readTree(e.data()).get("title").asString())
				.containsExactly("Standup", "Retro");
			assertThat(stream.ids()).hasSize(2).isSorted().doesNotHaveDuplicates();
			assertThat(stream.ids().get(0)).isEqualTo(Long.parseLong(received.id()));
		}
		this.web.get()
			.uri("/api/notifications")
			.header("Authorization", bearer(bob))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1);
		assertThat(this.meters.get("hub.notifications.delivery.latency").tag("mode", "live").timer().count())
			.isPositive();
		assertThat(this.meters.get("hub.notifications.created").tag("type", "reminder.due").counter().count())
			.isGreaterThanOrEqualTo(3);
		assertThat(this.meters.get("hub.notifications.delivered").tag("mode", "live").counter().count())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void reconnectingWithLastEventIdReplaysExactlyWhatWasMissedInOrderThenGoesLive() {
		String user = newUser();
		List<Long> seqs = seqs(notify(user, 5, "earlier"));
		try (SseClient stream = SseClient.connect(this.port, PATH,
				with(auth(user), "Last-Event-ID", Long.toString(seqs.get(1))))) {
			await().until(() -> stream.ids().size() == 3);
			seqs.addAll(seqs(notify(user, 1, "later")));
			await().until(() -> stream.ids().size() == 4);
			assertThat(stream.ids()).isEqualTo(seqs.subList(2, 6));
		}
		// the query parameter does the same, for a browser that reconnects with a ticket
		try (SseClient stream = SseClient.connect(this.port, PATH + "?lastEventId=" + seqs.get(3), auth(user))) {
			await().until(() -> stream.ids().size() == 2);
			assertThat(stream.ids()).isEqualTo(seqs.subList(4, 6));
		}
		// a new client gets what comes from now on
		try (SseClient stream = SseClient.connect(this.port, PATH, auth(user))) {
			List<Long> next = seqs(notify(user, 1, "next"));
			await().until(() -> stream.ids().size() == 1);
			assertThat(stream.ids()).isEqualTo(next);
		}
	}

	@Test
	void resumingWhileNotificationsArriveNeitherLosesNorRepeatsAny() {
		String user = newUser();
		int total = 300;
		Map<SseClient, Long> resumed = new HashMap<>();
		List<SseClient> fresh = new ArrayList<>();
		List<Long> seqs = new ArrayList<>();
		try {
			for (int seq = 1; seq <= total; seq++) {
				seqs.addAll(seqs(notify(user, 1, "n" + seq)));
				if (seq % 20 == 0) {
					long from = seqs.get(seq - 16);
					resumed.put(SseClient.open(this.port, PATH, with(auth(user), "Last-Event-ID", Long.toString(from))),
							from);
				}
				else if (seq % 20 == 10) {
					fresh.add(SseClient.open(this.port, PATH, auth(user)));
				}
			}
			fresh.forEach(SseClient::awaitConnected);
			seqs.addAll(seqs(notify(user, 1, "last")));
			long last = seqs.get(total);
			List<SseClient> all = new ArrayList<>(fresh);
			all.addAll(resumed.keySet());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> all.stream()
					.allMatch((c) -> !c.ids().isEmpty() && c.ids().get(c.ids().size() - 1) == last));
			resumed.forEach((client, from) -> assertThat(client.ids()).isEqualTo(after(seqs, from)));
			fresh.forEach((client) -> assertThat(client.ids()).isEqualTo(after(seqs, client.ids().get(0) - 1)));
		}
		finally {
			resumed.keySet().forEach(SseClient::close);
			fresh.forEach(SseClient::close);
		}
	}

	@Test
	void aClientThatStopsReadingIsDisconnectedWhileAnotherKeepsReceivingAndLosesNothing() throws IOException {
		String user = newUser();
		int total = 4000;
		try (SseClient fast = SseClient.connect(this.port, PATH, auth(user)); Socket slow = new Socket()) {
			slow.setReceiveBufferSize(1024);
			slow.connect(new InetSocketAddress("localhost", this.port));
			slow.getOutputStream()
				.write(("GET " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nAuthorization: "
						+ bearer(user) + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			await().until(() -> this.registry.connected(user) == 2);
			double droppedBefore = this.meters.get("hub.notifications.streams.dropped").counter().count();

			// about 8 MB, more than the socket buffers between the server and the client
			// can hold
			String body = "x".repeat(2000);
			List<Long> seqs = new ArrayList<>();
			for (int sent = 50; sent <= total; sent += 50) {
				seqs.addAll(seqs(notify(user, 50, body)));
				int expected = sent;
				await().pollInterval(Duration.ofMillis(5)).until(() -> fast.ids().size() == expected);
			}
			assertThat(fast.ids()).isEqualTo(seqs);
			await().until(() -> this.registry.connected(user) == 1);
			assertThat(this.meters.get("hub.notifications.streams.dropped").counter().count())
				.isGreaterThan(droppedBefore);

			List<Long> received = readIdsUntilClosed(slow.getInputStream());
			assertThat(received).isEqualTo(seqs.subList(0, received.size()));
			assertThat(received).hasSizeLessThan(total);
			System.out.printf("The slow client got %d of %d notifications before it was dropped%n", received.size(),
					total);

			long lastId = received.get(received.size() - 1);
			try (SseClient again = SseClient.connect(this.port, PATH,
					with(auth(user), "Last-Event-ID", Long.toString(lastId)))) {
				await().until(() -> again.ids().size() == total - received.size());
				assertThat(again.ids()).isEqualTo(after(seqs, lastId));
			}
		}
	}

	@Test
	void anIdleStreamGetsHeartbeatComments() {
		try (SseClient stream = SseClient.connect(this.port, PATH, auth(newUser()))) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> stream.events().stream().anyMatch((e) -> e.comments().contains("heartbeat")));
			assertThat(stream.notifications()).isEmpty();
		}
	}

	@Test
	void aStreamThatEndedIsTimedUnderItsOwnPathWhichTheLatencyAlertLeavesOut() {
		try (SseClient stream = SseClient.connect(this.port, PATH, auth(newUser()))) {
			assertThat(stream.events().get(0).comments()).contains("connected");
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.meters.find("http.server.requests").tag("uri", PATH).timer() != null);
	}

	@Test
	void aStreamIsTimedOnceItHasOpenedAndAnswersUnderTheCallersRequestId() {
		double before = opened();
		try (SseClient stream = SseClient.connect(this.port, PATH,
				with(auth(newUser()), "X-Request-Id", "stream-" + before))) {
			assertThat(stream.connected()).isTrue();
			// timed up to its status and headers, while it stays open
			await().atMost(Duration.ofSeconds(10)).until(() -> opened() == before + 1);
		}
		this.web.get()
			.uri(PATH)
			.header("X-Request-Id", "refused-1")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Request-Id", "refused-1")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("refused-1")
			.jsonPath("$.instance")
			.isEqualTo(PATH);
	}

	private double opened() {
		Timer opened = this.meters.find("http.server.requests")
			.tags("uri", PATH, "status", "200", "outcome", "SUCCESS")
			.timer();
		return (opened != null) ? opened.count() : 0;
	}

	@Test
	void aStreamCarriesOnlyItsOwnUsersNotifications() {
		String alice = newUser();
		String bob = newUser();
		try (SseClient aliceStream = SseClient.connect(this.port, PATH, auth(alice));
				SseClient bobStream = SseClient.connect(this.port, PATH, auth(bob))) {
			notify(bob, 2, "for bob");
			notify(alice, 1, "for alice");
			await().until(() -> aliceStream.ids().size() == 1 && bobStream.ids().size() == 2);
			assertThat(aliceStream.notifications())
				.allMatch((e) -> this.json.readTree(e.data()).get("userId").asString().equals(alice));
			assertThat(bobStream.notifications())
				.allMatch((e) -> this.json.readTree(e.data()).get("body").asString().equals("for bob"));
		}
	}

	@Test
	void everyOpenStreamOfAUserReceivesEachNotification() {
		String user = newUser();
		try (SseClient tab1 = SseClient.connect(this.port, PATH, auth(user));
				SseClient tab2 = SseClient.connect(this.port, PATH, auth(user));
				SseClient tab3 = SseClient.connect(this.port, PATH, auth(user))) {
			List<Long> seqs = seqs(notify(user, 3, "all tabs"));
			await().until(() -> tab1.ids().size() == 3 && tab2.ids().size() == 3 && tab3.ids().size() == 3);
			assertThat(List.of(tab1.ids(), tab2.ids(), tab3.ids())).allMatch((ids) -> ids.equals(seqs));
		}
		await().until(() -> this.registry.connected(user) == 0);
	}

	@Test
	void oneUserHoldsAtMostTheConfiguredStreamsAndTheNextIsRefusedWith429() {
		String user = newUser();
		int max = this.properties.maxPerUser();
		List<SseClient> tabs = new ArrayList<>();
		try {
			for (int i = 0; i < max; i++) {
				tabs.add(SseClient.connect(this.port, PATH, auth(user)));
			}
			this.web.get()
				.uri(PATH)
				.header("Authorization", bearer(user))
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isEqualTo(429)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.registry.connected(user)).isEqualTo(max);
			try (SseClient other = SseClient.connect(this.port, PATH, auth(newUser()))) {
				assertThat(other.status()).as("another user is not affected").isEqualTo(200);
			}
			tabs.remove(0).close();
			await().until(() -> this.registry.connected(user) == max - 1);
			tabs.add(SseClient.connect(this.port, PATH, auth(user)));
			assertThat(this.registry.connected(user)).isEqualTo(max);
		}
		finally {
			tabs.forEach(SseClient::close);
		}
	}

	@Test
	void aTicketOpensTheStreamOnceForItsUser() {
		String user = newUser();
		Map<?, ?> issued = this.web.post()
			.uri("/api/notifications/stream-ticket")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String ticket = (String) issued.get("ticket");
		assertThat(ticket).hasSizeGreaterThanOrEqualTo(43);
		assertThat(issued.get("expiresIn")).isEqualTo(30);

		try (SseClient stream = SseClient.connect(this.port, PATH + "?ticket=" + ticket, Map.of())) {
			notify(user, 1, "by ticket");
			await().until(() -> stream.ids().size() == 1);
			assertThat(this.json.readTree(stream.notifications().get(0).data()).get("userId").asString())
				.isEqualTo(user);
		}
		expectUnauthorized(PATH + "?ticket=" + ticket, "The stream ticket is invalid, spent or expired");
		expectUnauthorized(PATH + "?ticket=not-a-ticket", "The stream ticket is invalid, spent or expired");
	}

	@Test
	void theStreamNeedsATicketOrATokenWithThePermission() {
		expectUnauthorized(PATH, "An access token or a stream ticket is required");
		this.web.get()
			.uri(PATH)
			.header("Authorization", "Bearer not.a.jwt")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The access token is invalid or expired");
		this.web.get()
			.uri(PATH)
			.header("Authorization", TestTokens.shared().bearer(newUser(), "tasks:read"))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post().uri("/api/notifications/stream-ticket").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri(PATH + "?ticket=" + "t".repeat(9000))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.get()
			.uri(PATH)
			.header("Authorization", bearer(newUser()))
			.header("Last-Event-ID", "yesterday")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private void expectUnauthorized(String uri, String detail) {
		this.web.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo(detail);
	}

	private static Map<String, String> with(Map<String, String> headers, String name, String value) {
		Map<String, String> all = new HashMap<>(headers);
		all.put(name, value);
		return all;
	}

	/**
	 * Reads a raw HTTP/1.1 chunked SSE response to its end and returns the ids of the
	 * complete events in it.
	 */
	private static List<Long> readIdsUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		String body = dechunk(text.substring(text.indexOf("\r\n\r\n") + 4));
		List<Long> ids = new ArrayList<>();
		Matcher event = Pattern.compile("id:(\\d+)\nevent:notification\ndata:[^\n]*\n\n").matcher(body);
		while (event.find()) {
			ids.add(Long.parseLong(event.group(1)));
		}
		return ids;
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			if (lineEnd < 0) {
				return body.toString();
			}
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			int start = lineEnd + 2;
			if (size == 0 || start + size > chunked.length()) {
				body.append(chunked, start, Math.min(start + size, chunked.length()));
				return body.toString();
			}
			body.append(chunked, start, start + size);
			at = start + size + 2;
		}
	}

	/** The notifications' numbers, in the order they were made (a list to add to). */
	private static List<Long> seqs(List<Notification> notifications) {
		return new ArrayList<>(notifications.stream().map(Notification::seq).toList());
	}

	/**
	 * The numbers after {@code from}, as a stream that resumes from it must send them.
	 */
	private static List<Long> after(List<Long> seqs, long from) {
		return seqs.stream().filter((seq) -> seq > from).toList();
	}

}
