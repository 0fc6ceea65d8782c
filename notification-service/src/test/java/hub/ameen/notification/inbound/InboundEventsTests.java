package hub.ameen.notification.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboundEventsTests extends ServiceTestSupport {

	static final Duration KAFKA = Duration.ofSeconds(30);

	@Autowired
	NotificationStore notifications;

	@Autowired
	Inbox inbox;

	@Autowired
	MeterRegistry meters;

	@Test
	void aNewUserIsWelcomedOnceEvenWhenTheEventComesTwice() {
		String user = newUser();
		EventEnvelope created = event("user.created", user,
				Map.of("id", user, "email", user + "@hub.test", "displayName", "Noura", "status", "ACTIVE"));
		publish(Topics.USER, created);
		publish(Topics.USER, created);
		// an event behind them on the same partition: once it is handled, so are both
		// copies
		publish(Topics.USER, event("user.updated", user, Map.of("id", user)));
		// another service's type on this topic is ignored, not dead-lettered
		publish(Topics.USER, event("scheduler.task.overdue", user, Map.of("dueAt", "not a time")));
		EventEnvelope marker = event("user.deleted", user, Map.of("id", "marker-" + user));
		publish(Topics.USER, marker);
		await().atMost(KAFKA).until(() -> this.inbox.isProcessed(marker.id()));

		List<Notification> all = all(user);
		assertThat(all).hasSize(1);
		assertThat(all.get(0).type()).isEqualTo("user.welcome");
		assertThat(all.get(0).title()).isEqualTo("Welcome to Ameen Hub, Noura");
		assertThat(all.get(0).sourceEventId()).isEqualTo(created.id());
	}

	@Test
	void tasksDueSoonAndOverdueNotifyTheirAssignee() {
		String assignee = newUser();
		Instant due = Instant.now().plus(Duration.ofHours(1));
		publish(Topics.TASK_DEADLINE, event("scheduler.task.due-soon", "task-1", Map.of("taskId", "task-1", "title",
				"Send the invoice", "assigneeId", assignee, "dueAt", due.toString())));
		publish(Topics.TASK_DEADLINE, event("scheduler.task.overdue", "task-2", Map.of("taskId", "task-2", "title",
				"File the report", "assigneeId", assignee, "dueAt", Instant.now().minusSeconds(3600).toString())));
		await().atMost(KAFKA).until(() -> all(assignee).size() == 2);

		List<Notification> all = all(assignee);
		assertThat(all).extracting(Notification::type).containsExactlyInAnyOrder("task.due-soon", "task.overdue");
		Notification soon = all.stream().filter((n) -> n.type().equals("task.due-soon")).findFirst().orElseThrow();
		assertThat(soon.title()).isEqualTo("Due soon: Send the invoice");
		assertThat(soon.body()).isEqualTo("Due in 1 hour");
		assertThat(soon.link()).isEqualTo("/tasks/task-1");
		Notification overdue = all.stream().filter((n) -> n.type().equals("task.overdue")).findFirst().orElseThrow();
		assertThat(overdue.title()).isEqualTo("Overdue: File the report");
		assertThat(overdue.body()).isEqualTo("Was due 1 hour ago");
	}

	@Test
	void aUserHearsOfATaskAssignedToThemBySomeoneElseOnce() {
		String assignee = newUser();
		String manager = newUser();
		String taskId = "task-" + assignee;
		// created by the manager for the assignee: notify
		publish(Topics.TASK, task("task.created", taskId, assignee, manager));
		// edited by the manager, same assignee: nothing new
		publish(Topics.TASK, task("task.updated", taskId, assignee, manager));
		// reassigned to the manager by the manager, then back to the assignee by the
		// assignee
		publish(Topics.TASK, task("task.updated", taskId, manager, manager));
		publish(Topics.TASK, task("task.updated", taskId, assignee, assignee));
		EventEnvelope last = task("task.updated", taskId, manager, assignee);
		publish(Topics.TASK, last);
		await().atMost(KAFKA).until(() -> this.inbox.isProcessed(last.id()));

		assertThat(all(assignee)).extracting(Notification::type, Notification::title, Notification::link)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("task.assigned", "Assigned to you: Call Layla",
					"/tasks/" + taskId));
		assertThat(all(manager)).extracting(Notification::type).containsExactly("task.assigned");
	}

	@Test
	void crmOwnersHearOfDealsWonAndRecordsGivenToThemAndImportersOfTheirImports() {
		String owner = newUser();
		String manager = newUser();
		String dealId = "deal-" + owner;
		Map<String, Object> deal = Map.of("id", dealId, "title", "Fleet", "ownerId", owner, "amount",
				Map.of("value", "1200.50", "currency", "SAR"));
		publish(Topics.DEAL, by(event("deal.assigned", dealId, deal), manager));
		// assigned to themselves: nothing
		publish(Topics.DEAL, by(event("deal.assigned", dealId, deal), owner));
		publish(Topics.DEAL, by(event("deal.won", dealId, deal), manager));
		publish(Topics.CONTACT, by(event("contact.assigned", "contact-" + owner,
				Map.of("id", "contact-" + owner, "firstName", "Sara", "ownerId", owner)), manager));
		Map<String, Object> job = Map.of("id", "import-" + manager, "entity", "contacts", "dryRun", false, "status",
				"running", "total", 100000, "processed", 50000, "createdBy", manager);
		publish(Topics.CRM_IMPORT, event("import.progressed", "import-" + manager, job));
		Map<String, Object> done = new java.util.HashMap<>(job);
		done.putAll(Map.of("status", "done", "processed", 100000, "created", 99998, "failed", 2));
		EventEnvelope last = event("import.completed", "import-" + manager, done);
		publish(Topics.CRM_IMPORT, last);
		await().atMost(KAFKA)
			.untilAsserted(() -> assertThat(all(owner)).extracting(Notification::type, Notification::title)
				.containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple("crm.assigned", "Deal assigned to you: Fleet"),
						org.assertj.core.groups.Tuple.tuple("crm.deal-won", "Deal won: Fleet"),
						org.assertj.core.groups.Tuple.tuple("crm.assigned", "Contact assigned to you: Sara")));
		await().atMost(KAFKA)
			.untilAsserted(() -> assertThat(all(manager)).extracting(Notification::title, Notification::body)
				.containsExactlyInAnyOrder(
						org.assertj.core.groups.Tuple.tuple("The contacts import is 50% done", "50000 of 100000 rows"),
						org.assertj.core.groups.Tuple.tuple("The contacts import finished",
								"99998 created, 0 updated, 0 unchanged, 2 failed")));
	}

	@Test
	void aMalformedEventGoesToTheDeadLetterTopicAndDoesNotHoldUpTheNextOne() {
		String user = newUser();
		String key = "poison-" + user;
		EventEnvelope poison = event("scheduler.reminder.due", key,
				Map.of("title", "no event id", "recipients", List.of(user)));
		publish(Topics.REMINDER, poison);
		publish(Topics.REMINDER, reminder(key, "After the poison", List.of(user)));
		await().atMost(KAFKA).until(() -> all(user).size() == 1);
		assertThat(all(user).get(0).title()).isEqualTo("After the poison");
		assertThat(deadLetterIds(Topics.REMINDER + ".dlt", poison.id())).contains(poison.id());
	}

	@Test
	void remindersFallingDueTogetherShareTheStoresCommits() {
		String user = newUser();
		List<EventEnvelope> reminders = IntStream.range(0, 60)
			.mapToObj((i) -> reminder("together-" + i + "-" + user, "Meeting " + i, List.of(user)))
			.toList();
		double commitsBefore = commits();
		// sent together, as the scheduler fires what falls due at one time
		Map<String, String> byKey = new LinkedHashMap<>();
		reminders.forEach((reminder) -> byKey.put(reminder.key(), this.json.writeValueAsString(reminder)));
		TopicWriter.shared().sendAll(Topics.REMINDER, byKey);
		await().atMost(KAFKA)
			.until(() -> reminders.stream().allMatch((reminder) -> this.inbox.isProcessed(reminder.id())));
		// one at a time, each reminder would have been a commit of its own
		assertThat(commits() - commitsBefore).as("durable commits while 60 reminders were applied").isLessThan(60);
		await().atMost(KAFKA).until(() -> all(user).size() == 60);
		assertThat(all(user)).extracting(Notification::title)
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 60).mapToObj((i) -> "Meeting " + i).toList());
	}

	private double commits() {
		return this.meters.find("hub.store.commit").timers().stream().mapToDouble(Timer::count).sum();
	}

	@Test
	void aDeletedUsersNotificationsAreForgotten() {
		String user = newUser();
		notify(user, 3, "soon gone");
		EventEnvelope deleted = event("user.deleted", user, Map.of("id", user));
		publish(Topics.USER, deleted);
		await().atMost(KAFKA).until(() -> this.inbox.isProcessed(deleted.id()));
		assertThat(all(user)).isEmpty();
		assertThat(this.notifications.unreadCount(user)).isZero();
	}

	private EventEnvelope task(String type, String taskId, String assigneeId, String actorId) {
		EventEnvelope event = event(type, taskId,
				Map.of("id", taskId, "title", "Call Layla", "status", "todo", "assigneeId", assigneeId));
		return new EventEnvelope(event.id(), event.type(), 1, event.occurredAt(), event.key(), actorId,
				event.payload());
	}

	private static EventEnvelope by(EventEnvelope event, String actorId) {
		return new EventEnvelope(event.id(), event.type(), 1, event.occurredAt(), event.key(), actorId,
				event.payload());
	}

	private List<Notification> all(String user) {
		return this.notifications.page(user, PageRequest.of(200, null), false).items();
	}

	private static List<String> deadLetterIds(String topic, String wanted) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((p) -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<String> found = new ArrayList<>();
			await().atMost(KAFKA).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					found.add(record.value());
				}
				return found.stream().anyMatch((value) -> value.contains(wanted));
			});
			return found.stream().filter((value) -> value.contains(wanted)).map((value) -> wanted).toList();
		}
	}

}
