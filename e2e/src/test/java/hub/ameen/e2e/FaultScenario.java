package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A steady write load through the gateway (tasks given to another member, contacts,
 * events whose reminders come due during the run, and PNGs attached to tasks and deals)
 * while each service and the broker are killed with {@code kill -9} and started again.
 * Afterwards every acknowledged write is readable (each upload byte for byte, by its
 * SHA-256), and the consumers hold exactly one assignment notification per assigned task
 * and exactly one reminder per event that came due.
 */
final class FaultScenario {

	/**
	 * Killed together, one round after the other; the broker alone. Replay some with
	 * {@code -Dhub.faults.rounds=gateway,kafka} (rounds naming any of the components).
	 */
	static final List<List<String>> ROUNDS = List
		.of(List.of("tasks-service", "notification-service"), List.of("crm-service", "scheduler-service"),
				List.of("auth-service", "user-service"), List.of("gateway"), List.of("kafka"))
		.stream()
		.filter((round) -> round.stream()
			.anyMatch((component) -> System.getProperty("hub.faults.rounds", component).contains(component)))
		.toList();

	private static final Duration UNDER_LOAD = Duration.ofSeconds(4);

	/** How long a read that fails for a moment is tried again. */
	private static final Duration READ_BACK = Duration.ofSeconds(30);

	private final Hub hub;

	private final Cast cast;

	private final Api gateway;

	private final AtomicBoolean writing = new AtomicBoolean(true);

	private final Queue<String> tasks = new ConcurrentLinkedQueue<>();

	private final Queue<String> contacts = new ConcurrentLinkedQueue<>();

	private final Queue<Reminder> reminders = new ConcurrentLinkedQueue<>();

	private final AtomicInteger refused = new AtomicInteger();

	private record Reminder(String eventId, String title, Instant due) {
	}

	/** An acknowledged upload: where to download it and the SHA-256 of what was sent. */
	private record Upload(String path, String sha256) {
	}

	private final Queue<Upload> uploads = new ConcurrentLinkedQueue<>();

	/** The owner's deal the next CRM uploads go to, and how many it has. */
	private String uploadDeal;

	private int onUploadDeal;

	private long uploadSeed;

	FaultScenario(Hub hub, Cast cast) {
		this.hub = hub;
		this.cast = cast;
		this.gateway = cast.gateway();
	}

	void acknowledgedWritesSurviveKillsAndEachEventIsConsumedOnce() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(4);
		writers.submit(() -> write(this::task, Duration.ofMillis(20)));
		writers.submit(() -> write(this::upload, Duration.ofMillis(150)));
		writers.submit(() -> write(this::contact, Duration.ofMillis(40)));
		writers.submit(() -> write(this::event, Duration.ofMillis(700)));
		try {
			for (List<String> round : ROUNDS) {
				pause(UNDER_LOAD);
				long start = System.nanoTime();
				round.forEach((component) -> System.out
					.println("faults: kill -9 " + component + " (pid " + this.hub.kill(component) + ")"));
				this.hub.upAgain();
				System.out.printf("faults: %s back in %d ms; acknowledged so far: %d tasks, %d contacts, %d events%n",
						round, (System.nanoTime() - start) / 1_000_000, this.tasks.size(), this.contacts.size(),
						this.reminders.size());
			}
			pause(UNDER_LOAD);
		}
		finally {
			this.writing.set(false);
			writers.shutdown();
			writers.awaitTermination(30, TimeUnit.SECONDS);
		}
		everyAcknowledgedWriteIsReadable();
		everyAssignmentIsNotifiedOnce();
		everyReminderArrivesOnce();
	}

	private void write(Runnable write, Duration pace) {
		while (this.writing.get()) {
			try {
				write.run();
			}
			catch (RuntimeException | AssertionError ex) {
				this.refused.incrementAndGet();
			}
			pause(pace);
		}
	}

	private void task() {
		created("/api/tasks", Actor.OWNER,
				Map.of("title", "Fault load " + System.nanoTime(), "assigneeId", this.cast.thirdId()), this.tasks);
	}

	private void contact() {
		created("/api/crm/contacts", Actor.MANAGER, Map.of("firstName", "Load", "lastName", "C" + System.nanoTime()),
				this.contacts);
	}

	/**
	 * A PNG of its own pixels, attached by the owner to their newest acknowledged task or
	 * to their deal by turns (a new deal every 40 files, below the per-record limit).
	 */
	private void upload() {
		long seed = ++this.uploadSeed;
		String task = this.tasks.stream().reduce((first, second) -> second).orElse(null);
		String path;
		String download;
		if (seed % 2 == 0 && task != null) {
			path = "/api/tasks/" + task + "/attachments";
			download = "/api/tasks/attachments/";
		}
		else {
			if (this.uploadDeal == null || this.onUploadDeal >= 40) {
				Queue<String> deal = new ConcurrentLinkedQueue<>();
				created("/api/crm/deals", Actor.OWNER,
						Map.of("title", "Fault uploads " + seed, "amount", Map.of("value", "1", "currency", "SAR")),
						deal);
				if (deal.isEmpty()) {
					return;
				}
				this.uploadDeal = deal.peek();
				this.onUploadDeal = 0;
			}
			this.onUploadDeal++;
			path = "/api/crm/deals/" + this.uploadDeal + "/attachments";
			download = "/api/crm/attachments/";
		}
		byte[] png = Samples.png(seed);
		Api.Response response = this.gateway.call(uploadCall(path, png), Duration.ofSeconds(10));
		if (response.status() == 201) {
			assertThat(response.json().path("sha256").asString()).as("the acknowledged upload's SHA-256")
				.isEqualTo(Samples.sha256(png));
			this.uploads.add(new Upload(download + response.json().path("id").asString(), Samples.sha256(png)));
		}
		else {
			this.refused.incrementAndGet();
		}
	}

	private Api.Call uploadCall(String path, byte[] png) {
		Api.Multipart form = new Api.Multipart().file("file", "load.png", "image/png", png);
		return new Api.Call("POST", path, this.cast.token(Actor.OWNER), form.contentType(), form.bytes());
	}

	/** An event of the owner's whose reminder (at its start) comes due 12 s from now. */
	private void event() {
		Instant due = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
		String title = "Fault reminder " + System.nanoTime();
		Queue<String> ids = new ConcurrentLinkedQueue<>();
		created("/api/scheduler/events", Actor.OWNER, Map.of("title", title, "startsAt", due.toString(), "endsAt",
				due.plusSeconds(600).toString(), "timeZone", "UTC", "reminders", List.of(Map.of("minutesBefore", 0))),
				ids);
		ids.forEach((id) -> this.reminders.add(new Reminder(id, title, due)));
	}

	private void created(String path, Actor actor, Map<String, Object> body, Queue<String> acknowledged) {
		Api.Response response = this.gateway.call(new Api.Call("POST", path, this.cast.token(actor), "application/json",
				Api.json.writeValueAsBytes(body)), Duration.ofSeconds(10));
		if (response.status() == 201) {
			acknowledged.add(response.json().get("id").asString());
		}
		else {
			this.refused.incrementAndGet();
		}
	}

	private void everyAcknowledgedWriteIsReadable() {
		Map<String, List<String>> missing = new HashMap<>();
		missing.put("tasks", unreadable("/api/tasks/", Actor.OWNER, this.tasks));
		missing.put("contacts", unreadable("/api/crm/contacts/", Actor.MANAGER, this.contacts));
		missing.put("events", unreadable("/api/scheduler/events/", Actor.OWNER,
				this.reminders.stream().map(Reminder::eventId).toList()));
		missing.put("uploads", notAsSent(this.uploads));
		System.out.printf(
				"faults: acknowledged writes: %d tasks, %d contacts, %d events, %d uploads (%d refused or unanswered "
						+ "while down); unreadable: %d%n",
				this.tasks.size(), this.contacts.size(), this.reminders.size(), this.uploads.size(), this.refused.get(),
				missing.values().stream().mapToInt(List::size).sum());
		assertThat(missing).as("acknowledged writes that cannot be read back")
			.allSatisfy((kind, ids) -> assertThat(ids).as(kind).isEmpty());
	}

	/**
	 * The ids that do not read back, each with its last answer. A read answered 5xx or
	 * not at all (a breaker still open for a few seconds after its service came back, a
	 * timeout on a loaded machine) is tried again for a while; a 404 is final.
	 */
	private List<String> unreadable(String path, Actor actor, java.util.Collection<String> ids) {
		return ids.parallelStream().map((id) -> {
			long deadline = System.nanoTime() + READ_BACK.toNanos();
			Api.Response read = this.gateway.call(new Api.Call("GET", path + id, this.cast.token(actor), null, null),
					Duration.ofSeconds(10));
			while (!read.ok() && read.status() != 404 && System.nanoTime() < deadline) {
				pause(Duration.ofMillis(250));
				read = this.gateway.call(new Api.Call("GET", path + id, this.cast.token(actor), null, null),
						Duration.ofSeconds(10));
			}
			return read.ok() ? null : id + " -> " + read;
		}).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The acknowledged uploads that do not download with the SHA-256 of what was sent,
	 * each with its last answer; retried as {@link #unreadable} does.
	 */
	private List<String> notAsSent(java.util.Collection<Upload> uploads) {
		return uploads.parallelStream().map((upload) -> {
			long deadline = System.nanoTime() + READ_BACK.toNanos();
			Api.Download read = this.gateway.download(upload.path(), this.cast.token(Actor.OWNER));
			while (read.status() != 200 && read.status() != 404 && System.nanoTime() < deadline) {
				pause(Duration.ofMillis(250));
				read = this.gateway.download(upload.path(), this.cast.token(Actor.OWNER));
			}
			String sha256 = Samples.sha256(read.body());
			return (read.status() == 200 && sha256.equals(upload.sha256())) ? null
					: upload.path() + " -> " + read.status() + " " + read.body().length + " bytes, SHA-256 " + sha256;
		}).filter(java.util.Objects::nonNull).toList();
	}

	/** notification-service consumed each acknowledged assignment exactly once. */
	private void everyAssignmentIsNotifiedOnce() {
		Map<String, Long> perTask = new HashMap<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			perTask.clear();
			perTask.putAll(count(this.cast.thirdToken(), "task.assigned", (n) -> n.path("link").asString()));
			return this.tasks.stream().allMatch((id) -> perTask.containsKey("/tasks/" + id));
		});
		Map<String, Long> doubled = doubled(perTask);
		System.out.printf("faults: %d assignment notifications for %d acknowledged assignments, %d doubled%n",
				perTask.values().stream().mapToLong(Long::longValue).sum(), this.tasks.size(), doubled.size());
		assertThat(doubled).as("assignments notified more than once").isEmpty();
	}

	/** Each reminder that came due reached notification-service exactly once. */
	private void everyReminderArrivesOnce() {
		Instant lastDue = this.reminders.stream().map(Reminder::due).max(Instant::compareTo).orElse(Instant.now());
		Map<String, Long> perTitle = new HashMap<>();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			perTitle.clear();
			perTitle.putAll(count(this.cast.token(Actor.OWNER), "reminder.due", (n) -> n.path("title").asString()));
			return Instant.now().isAfter(lastDue.plusSeconds(3))
					&& this.reminders.stream().allMatch((reminder) -> perTitle.containsKey(reminder.title()));
		});
		Map<String, Long> doubled = doubled(perTitle);
		long late = this.reminders.stream().filter((reminder) -> !perTitle.containsKey(reminder.title())).count();
		System.out.printf("faults: %d reminders came due, %d delivered, %d lost, %d doubled%n", this.reminders.size(),
				perTitle.values().stream().mapToLong(Long::longValue).sum(), late, doubled.size());
		assertThat(doubled).as("reminders delivered more than once").isEmpty();
	}

	/** The caller's notifications of one type, counted by a key, over every page. */
	private Map<String, Long> count(String bearer, String type, Function<JsonNode, String> key) {
		List<JsonNode> all = new ArrayList<>();
		String cursor = "";
		do {
			JsonNode page = this.gateway.get("/api/notifications?limit=200&cursor=" + cursor, bearer).json();
			page.path("items").forEach(all::add);
			cursor = page.path("nextCursor").asString("");
		}
		while (!cursor.isEmpty());
		return all.stream()
			.filter((n) -> type.equals(n.path("type").asString()))
			.collect(Collectors.groupingBy(key, Collectors.counting()));
	}

	private static Map<String, Long> doubled(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
