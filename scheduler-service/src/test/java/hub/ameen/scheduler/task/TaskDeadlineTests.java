package hub.ameen.scheduler.task;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.scheduler.SchedulerTestSupport;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.TopicWriter;
import hub.ameen.platform.test.kafka.TopicReader.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Task events in on the real broker, deadlines out: due-soon (two seconds before, in this
 * context) and overdue fire once per due time, and not for done or deleted tasks.
 */
class TaskDeadlineTests extends SchedulerTestSupport {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Autowired
	TaskDeadlines deadlines;

	private TopicReader deadlineEvents;

	@BeforeEach
	void connect() {
		this.deadlineEvents = new TopicReader(Topics.TASK_DEADLINE);
	}

	@AfterEach
	void disconnect() {
		this.deadlineEvents.close();
	}

	@Test
	void anOpenTaskGetsDueSoonThenOverdueOnceEach() {
		String id = "task-" + UUID.randomUUID();
		Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
		EventEnvelope created = publish("task.created", id, "Send the quote", due, "todo");

		List<Received> fired = this.deadlineEvents.awaitKey(id, Duration.ofSeconds(10), (all) -> all.size() >= 2);

		assertThat(fired).extracting(Received::type)
			.containsExactly("scheduler.task.due-soon", "scheduler.task.overdue");
		Received overdue = fired.get(1);
		assertThat(overdue.text("taskId")).isEqualTo(id);
		assertThat(overdue.text("title")).isEqualTo("Send the quote");
		assertThat(overdue.text("assigneeId")).isEqualTo("assignee-1");
		assertThat(overdue.text("dueAt")).isEqualTo(due.toString());
		assertThat(overdue.event().payload().path("recipients")).extracting((node) -> node.asString())
			.containsExactly("assignee-1");
		assertThat(Duration.between(due, Instant.parse(overdue.text("firedAt")))).isBetween(Duration.ZERO,
				Duration.ofSeconds(1));
		assertThat(Duration.between(due.minusSeconds(2), Instant.parse(fired.get(0).text("firedAt"))))
			.isBetween(Duration.ZERO, Duration.ofSeconds(1));

		// a redelivery and a change that keeps the due time fire nothing again
		send(created);
		publish("task.updated", id, "Send the quote today", due, "in_progress");
		await().atMost(PATIENCE)
			.until(() -> this.deadlines.get(id).map(TrackedTask::title).orElse("").equals("Send the quote today"));
		assertThat(this.deadlineEvents.pollKey(id, Duration.ofSeconds(1))).hasSize(2);
	}

	@Test
	void doneAndDeletedTasksFireNothing() {
		String done = "done-" + UUID.randomUUID();
		String deleted = "deleted-" + UUID.randomUUID();
		Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		publish("task.created", done, "Finish early", due, "todo");
		publish("task.updated", done, "Finish early", due, "done");
		publish("task.created", deleted, "Drop it", due, "todo");
		publish("task.deleted", deleted, "Drop it", due, "todo");
		String open = "open-" + UUID.randomUUID();
		publish("task.created", open, "Later", due.plus(Duration.ofDays(1)), "todo");
		await().atMost(PATIENCE)
			.until(() -> this.deadlines.get(open).isPresent()
					&& this.deadlines.get(deleted).map(TrackedTask::status).orElse("").equals("deleted")
					&& this.deadlines.get(done).map(TrackedTask::status).orElse("").equals("done"));

		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusSeconds(1)));

		assertThat(this.deadlineEvents.pollKey(done, Duration.ofMillis(500))).isEmpty();
		assertThat(this.deadlineEvents.pollKey(deleted, Duration.ofMillis(100))).isEmpty();

		// closed tasks are forgotten after the retention, open ones kept
		assertThat(this.deadlines.purgeClosedBefore(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(2);
		assertThat(this.deadlines.get(done)).isEmpty();
		assertThat(this.deadlines.get(deleted)).isEmpty();
		assertThat(this.deadlines.get(open)).isPresent();
	}

	@Test
	void aReminderFiresOnTimeOnceAndFollowsTheDueTimeButNotADoneTask() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String onTime = "remind-" + UUID.randomUUID();
		String moved = "moved-" + UUID.randomUUID();
		String done = "done-" + UUID.randomUUID();
		// one minute before a due time 64 s away: the reminder is due in 4 s
		Instant due = now.plusSeconds(64);
		EventEnvelope created = publish("task.created", onTime, "Call Layla", due, "todo", 1, 30);
		publish("task.created", done, "Finish early", due, "todo", 1);
		publish("task.updated", done, "Finish early", due, "done", 1);
		// moved from a due time that would remind in 30 s to one that reminds in 5 s
		publish("task.created", moved, "Moved", now.plusSeconds(90), "todo", 1);
		Instant movedDue = now.plusSeconds(65);
		publish("task.updated", moved, "Moved", movedDue, "todo", 1);

		List<Received> reminded = this.deadlineEvents.awaitKey(onTime, Duration.ofSeconds(15),
				(all) -> all.stream().anyMatch((r) -> r.type().equals("scheduler.task.reminder")));
		Received reminder = reminded.stream()
			.filter((r) -> r.type().equals("scheduler.task.reminder"))
			.findFirst()
			.orElseThrow();
		assertThat(reminder.text("remindAt")).isEqualTo(due.minusSeconds(60).toString());
		assertThat(reminder.text("minutesBefore")).isEqualTo("1");
		assertThat(reminder.event().payload().path("recipients")).extracting((node) -> node.asString())
			.containsExactly("assignee-1");
		assertThat(Duration.between(due.minusSeconds(60), Instant.parse(reminder.text("firedAt"))))
			.isBetween(Duration.ZERO, Duration.ofSeconds(1));

		List<Received> movedReminders = this.deadlineEvents.awaitKey(moved, Duration.ofSeconds(15),
				(all) -> all.stream().anyMatch((r) -> r.type().equals("scheduler.task.reminder")));
		assertThat(movedReminders).filteredOn((r) -> r.type().equals("scheduler.task.reminder"))
			.singleElement()
			.satisfies((r) -> assertThat(r.text("dueAt")).isEqualTo(movedDue.toString()));

		// a redelivery fires nothing again; the done task never reminded
		send(created);
		assertThat(this.deadlineEvents.pollKey(onTime, Duration.ofSeconds(1)))
			.filteredOn((r) -> r.type().equals("scheduler.task.reminder"))
			.hasSize(1);
		assertThat(this.deadlineEvents.pollKey(done, Duration.ofMillis(100))).isEmpty();
	}

	private EventEnvelope publish(String type, String id, String title, Instant due, String status,
			int... minutesBefore) {
		List<TaskChange.ReminderSetting> reminders = java.util.Arrays.stream(minutesBefore)
			.mapToObj(TaskChange.ReminderSetting::new)
			.toList();
		EventEnvelope event = EventEnvelope.of(type, 1, id, "someone",
				new TaskChange(id, title, "assignee-1", due, status, reminders, "creator-1"), mapper);
		send(event);
		return event;
	}

	private void send(EventEnvelope event) {
		TopicWriter.shared().send(Topics.TASK, event.key(), mapper.writeValueAsString(event));
	}

}
