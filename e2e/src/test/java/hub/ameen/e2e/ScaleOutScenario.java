package hub.ameen.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 on the running suite: {@code ./hub scale notification-service 2} and
 * {@code ./hub scale gateway 2}, then one member with two streams through each gateway
 * (each gateway sends its two to the two instances in turn) while 200 tasks are assigned
 * to them; half-way, {@code kill -9} of the second notification instance. Each stream it
 * held ends, and its client reconnects through the same gateway with its
 * {@code Last-Event-ID}, as a browser's EventSource does; every client ends with each of
 * the 200 notifications exactly once, in order, under the same numbers as the others.
 * Then {@code ./hub up} starts the killed instance again.
 */
final class ScaleOutScenario {

	private static final int TASKS = 200;

	private static final Duration SCALE_TIMEOUT = Duration.ofSeconds(240);

	private final Hub hub;

	private final Cast cast;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	ScaleOutScenario(Hub hub, Cast cast) {
		this.hub = hub;
		this.cast = cast;
	}

	/** Returns a line with what was measured, for the report. */
	String twoNotificationInstancesAndTwoGatewaysLoseNothingWhenOneInstanceIsKilled() throws Exception {
		scale("notification-service", 2, "the gateway balances over");
		scale("gateway", 2, "sharing their rate-limit buckets");
		// they do share them: chosen when a gateway starts, the store is not fixed by the
		// build (Spring AOT), so each gateway's Hazelcast member found the other
		for (String gateway : List.of("gateway", "gateway-2")) {
			Path log = this.hub.logDir().resolve(gateway + ".log");
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.alias(gateway + "'s rate-limit member joins the other's")
				.until(() -> Files.readString(log).contains("Members {size:2"));
		}
		List<Api> gateways = List.of(this.cast.gateway(), new Api(this.hub.port("gateway-more")));
		String owner = this.cast.token(Actor.OWNER);

		List<Client> clients = new ArrayList<>();
		try {
			for (Api gateway : gateways) {
				clients.add(new Client(gateway, this.cast.thirdToken()));
				clients.add(new Client(gateway, this.cast.thirdToken()));
			}
			long started = System.nanoTime();
			assign(owner, gateways, 0, TASKS / 2);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> clients.stream().allMatch((client) -> client.collect().size() >= TASKS / 4));

			long killed = this.hub.kill("notification-service-2");
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(50))
				.alias("a stream held by the killed instance (pid " + killed + ") ends")
				.until(() -> clients.stream().anyMatch(Client::ended));
			int reconnected = 0;
			for (Client client : clients) {
				if (client.ended()) {
					client.reconnect();
					reconnected++;
				}
			}
			assign(owner, gateways, TASKS / 2, TASKS);
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> clients.stream()
					.allMatch((client) -> new LinkedHashSet<>(client.titles()).size() >= TASKS));
			double seconds = (System.nanoTime() - started) / 1e9;
			clients.forEach(Client::settle);

			List<String> expected = new ArrayList<>();
			for (int i = 0; i < TASKS; i++) {
				expected.add(title(i));
			}
			List<Long> reference = clients.get(0).ids();
			for (Client client : clients) {
				assertThat(client.titles()).as("each notification once, no gap")
					.containsExactlyInAnyOrderElementsOf(expected);
				assertThat(client.ids()).as("numbers increasing, none twice").isSorted().doesNotHaveDuplicates();
				assertThat(client.ids()).as("the same numbers on every instance").isEqualTo(reference);
			}
			assertThat(reconnected).as("streams the killed instance held, reconnected through their gateway")
				.isPositive();

			Hub.Result up = this.hub.run(Duration.ofSeconds(180), "up");
			assertThat(up.exitCode()).as(up.output()).isZero();
			assertThat(up.output()).as("up starts the killed instance again").contains("notification-service-2");
			return "%d notifications to 4 streams through 2 gateways over 2 notification instances, one killed: "
				.formatted(TASKS) + "%d reconnected, %.1f s".formatted(reconnected, seconds);
		}
		finally {
			clients.forEach(Client::close);
		}
	}

	private void scale(String service, int count, String says) {
		Hub.Result scaled = this.hub.run(SCALE_TIMEOUT, "scale", service, Integer.toString(count));
		assertThat(scaled.exitCode()).as(scaled.output()).isZero();
		assertThat(scaled.output()).contains(says);
	}

	private String title(int i) {
		return "Scale " + this.run + " #" + i;
	}

	/** Tasks {@code from..to-1}, assigned to the member, through the gateways in turn. */
	private void assign(String owner, List<Api> gateways, int from, int to) {
		for (int i = from; i < to; i++) {
			Api.Response created = gateways.get(i % gateways.size())
				.post("/api/tasks", owner, Map.of("title", title(i), "assigneeId", this.cast.thirdId()));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
	}

	/**
	 * One browser tab's stream through one gateway: what it received over each
	 * connection, and a reconnect with the last id it had, as EventSource does.
	 */
	private final class Client {

		private final Api gateway;

		private final String bearer;

		private final List<SseClient.Event> received = new ArrayList<>();

		private SseClient stream;

		Client(Api gateway, String bearer) throws Exception {
			this.gateway = gateway;
			this.bearer = bearer;
			this.stream = open(null);
		}

		private SseClient open(String lastEventId) throws Exception {
			SseClient opened = new SseClient(this.gateway.port(), "/api/notifications/stream", this.bearer,
					lastEventId);
			assertThat(opened.status(Duration.ofSeconds(15))).as("stream through port " + this.gateway.port())
				.isEqualTo(200);
			return opened;
		}

		/** This run's notifications received so far, in order. */
		synchronized List<SseClient.Event> collect() {
			try {
				SseClient.Event event;
				while ((event = this.stream.next(Duration.ZERO)) != null) {
					if (ours(event)) {
						this.received.add(event);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.received;
		}

		/** A notification about one of this run's tasks. */
		private boolean ours(SseClient.Event event) {
			return "notification".equals(event.name())
					&& event.data().path("title").asString().contains(ScaleOutScenario.this.run);
		}

		boolean ended() {
			return this.stream.ended();
		}

		void reconnect() throws Exception {
			List<SseClient.Event> had = collect();
			String last = had.isEmpty() ? null : had.get(had.size() - 1).id();
			this.stream.close();
			this.stream = open(last);
		}

		/** The tasks' titles, as received ("Assigned to you: …" names the task). */
		List<String> titles() {
			List<String> titles = new ArrayList<>();
			for (SseClient.Event event : collect()) {
				String title = event.data().path("title").asString();
				titles.add(title.substring(title.indexOf("Scale ")));
			}
			return titles;
		}

		List<Long> ids() {
			return collect().stream().map((event) -> Long.parseLong(event.id())).toList();
		}

		/** Whatever else comes within a quiet second: a duplicate would. */
		synchronized void settle() {
			try {
				this.received.addAll(this.stream.drain(Duration.ofSeconds(1)).stream().filter(this::ours).toList());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		void close() {
			this.stream.close();
		}

	}

}
