package hub.ameen.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * On demand, against a running suite ({@code ./hub up}; run {@code bench/reminders.sh}):
 * schedules reminders due over the next seconds and measures due time → arrival on the
 * notification stream through the gateway, printing p50, p99 and max, and counting
 * missing and duplicate deliveries. Options: {@code --count=30 --spread=30} (seconds),
 * {@code --kind=event|task}: calendar event reminders (the default), or task reminders (a
 * task assigned to the caller, due a minute after its one-minute reminder);
 * {@code --streams=1}: more streams of the caller's (as tabs), each of which must receive
 * every reminder. With {@code --spread=0} every reminder falls due at once and the
 * figures include the suite's throughput: reminders fired and delivered per second, and
 * notifications per second to all the streams ({@code bench/scale.sh}, one instance vs
 * two).
 */
public final class ReminderLatency {

	private ReminderLatency() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int count = Integer.parseInt(options.getOrDefault("count", "30"));
		int spread = Integer.parseInt(options.getOrDefault("spread", "30"));
		boolean tasks = "task".equals(options.getOrDefault("kind", "event"));
		int streams = Integer.parseInt(options.getOrDefault("streams", "1"));
		Map<String, String> env = System.getenv();
		int port = Integer.parseInt(env.getOrDefault("HUB_PORT_GATEWAY", "8080"));
		String email = env.getOrDefault("HUB_ADMIN_EMAIL", "admin@hub.local");
		String password = env.containsKey("HUB_ADMIN_PASSWORD") ? env.get("HUB_ADMIN_PASSWORD")
				: Files.readString(Path.of(env.getOrDefault("HUB_DATA_DIR", "data"), "user-service", "admin-password"))
					.trim();

		Api gateway = new Api(port);
		String token = new IdentityScenario(gateway).login(email, password).json().get("accessToken").asString();
		String userId = gateway.get("/api/users/me", token).json().get("id").asString();
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, Instant> dueByTitle = new HashMap<>();
		Map<String, Integer> seen = new HashMap<>();
		List<Long> latencies = new ArrayList<>();
		List<SseClient> tabs = new ArrayList<>();
		try (SseClient stream = new SseClient(port, "/api/notifications/stream", token, null)) {
			if (stream.status(Duration.ofSeconds(10)) != 200) {
				throw new IllegalStateException("the stream did not open");
			}
			for (int i = 1; i < streams; i++) {
				SseClient tab = new SseClient(port, "/api/notifications/stream", token, null);
				tabs.add(tab);
				if (tab.status(Duration.ofSeconds(10)) != 200) {
					throw new IllegalStateException("stream " + (i + 1) + " did not open");
				}
			}
			// time to schedule them all (some 10 a second on a busy machine) before the
			// first
			// falls due
			long scheduling = System.nanoTime();
			Instant first = Instant.now().plusSeconds(8 + count / 10).truncatedTo(ChronoUnit.SECONDS);
			for (int i = 0; i < count; i++) {
				Instant due = first.plusMillis((long) i * spread * 1000 / count);
				String title = "latency " + run + " #" + i;
				Api.Response created = tasks ? createTask(gateway, token, userId, title, due)
						: createEvent(gateway, token, userId, title, due);
				if (created.status() != 201) {
					throw new IllegalStateException("could not schedule: " + created);
				}
				dueByTitle.put(tasks ? "Reminder: " + title : title, due);
			}
			System.out.printf("scheduled %d in %.1f s, the first due %.1f s after that%n", count,
					(System.nanoTime() - scheduling) / 1e9, Duration.between(Instant.now(), first).toMillis() / 1e3);
			Instant deadline = first.plusSeconds(spread + 20);
			while (seen.size() < count && Instant.now().isBefore(deadline)) {
				SseClient.Event event = stream.next(Duration.ofSeconds(1));
				String type = tasks ? "task.reminder" : "reminder.due";
				if (event == null || !type.equals(event.data().path("type").asString())) {
					continue;
				}
				String title = event.data().path("title").asString();
				Instant due = dueByTitle.get(title);
				if (due != null && seen.merge(title, 1, Integer::sum) == 1) {
					latencies.add(Duration.between(due, event.receivedAt()).toMillis());
				}
			}
			seen.putAll(countLateArrivals(stream, dueByTitle, seen));
			if (spread == 0 && !latencies.isEmpty()) {
				throughput(first, latencies, tabs, dueByTitle);
			}
		}
		finally {
			tabs.forEach(SseClient::close);
		}
		report(tasks ? "task" : "event", count, latencies, seen);
	}

	/**
	 * All due at once: how fast the suite fired them and the streams received them, from
	 * the due time to the last arrival.
	 */
	private static void throughput(Instant due, List<Long> latencies, List<SseClient> tabs,
			Map<String, Instant> dueByTitle) throws InterruptedException {
		long last = latencies.stream().mapToLong(Long::longValue).max().orElse(0);
		long delivered = latencies.size();
		for (SseClient tab : tabs) {
			for (SseClient.Event event : tab.drain(Duration.ofSeconds(2))) {
				if (dueByTitle.containsKey(event.data().path("title").asString())) {
					delivered++;
					last = Math.max(last, Duration.between(due, event.receivedAt()).toMillis());
				}
			}
		}
		double seconds = Math.max(last, 1) / 1000.0;
		System.out.printf(
				"throughput: %d reminders fired and on the stream within %.2f s of falling due: %.0f reminders/s; "
						+ "%d notifications to %d streams: %.0f notifications/s%n",
				latencies.size(), seconds, latencies.size() / seconds, delivered, tabs.size() + 1, delivered / seconds);
	}

	private static Api.Response createEvent(Api gateway, String token, String userId, String title, Instant due) {
		Instant start = due.plus(Duration.ofMinutes(1));
		return gateway.post("/api/scheduler/events", token,
				Map.of("title", title, "startsAt", start.toString(), "endsAt",
						start.plus(Duration.ofMinutes(5)).toString(), "timeZone", "UTC", "reminders",
						List.of(Map.of("minutesBefore", 1)), "attendeeIds", List.of(userId)));
	}

	private static Api.Response createTask(Api gateway, String token, String userId, String title, Instant due) {
		return gateway.post("/api/tasks", token, Map.of("title", title, "assigneeId", userId, "dueAt",
				due.plus(Duration.ofMinutes(1)).toString(), "reminders", List.of(Map.of("minutesBefore", 1))));
	}

	private static Map<String, Integer> countLateArrivals(SseClient stream, Map<String, Instant> dueByTitle,
			Map<String, Integer> seen) throws InterruptedException {
		Map<String, Integer> all = new HashMap<>(seen);
		for (SseClient.Event event : stream.drain(Duration.ofSeconds(3))) {
			String title = event.data().path("title").asString();
			if (dueByTitle.containsKey(title)) {
				all.merge(title, 1, Integer::sum);
			}
		}
		return all;
	}

	private static void report(String kind, int count, List<Long> latencies, Map<String, Integer> seen) {
		latencies.sort(null);
		long duplicates = seen.values().stream().filter((n) -> n > 1).count();
		System.out.printf("%s reminders scheduled %d, delivered %d, missing %d, delivered twice %d%n", kind, count,
				latencies.size(), count - latencies.size(), duplicates);
		if (!latencies.isEmpty()) {
			System.out.printf("due -> on the stream through the gateway: p50 %d ms, p99 %d ms, max %d ms%n",
					percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
		}
	}

	private static long percentile(List<Long> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
			}
		}
		return options;
	}

}
