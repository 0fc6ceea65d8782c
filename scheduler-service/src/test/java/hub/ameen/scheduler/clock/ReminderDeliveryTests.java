package hub.ameen.scheduler.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.scheduler.SchedulerTestSupport;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.TopicReader.Received;
import hub.ameen.platform.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clock on real time, through the outbox to the real broker: reminders fire within a
 * second of their due time, once; starts and ends are announced; what came due while the
 * clock was stopped fires once when it starts again, marked late.
 */
class ReminderDeliveryTests extends SchedulerTestSupport {

	@Autowired
	TimerClock clock;

	@Autowired
	MeterRegistry registry;

	private TopicReader reminders;

	private TopicReader events;

	@BeforeEach
	void readTopics() {
		this.reminders = new TopicReader(Topics.REMINDER);
		this.events = new TopicReader(Topics.CALENDAR_EVENT);
	}

	@AfterEach
	void close() {
		this.clock.start();
		this.reminders.close();
		this.events.close();
	}

	@Test
	void aReminderDueInTwoSecondsFiresWithinASecondOfItsDueTimeOnce() {
		String creator = "creator-" + UUID.randomUUID();
		// starts in 62 s with a reminder one minute before: due in about 2 s
		Instant start = Instant.now().plusSeconds(62).truncatedTo(ChronoUnit.SECONDS);
		Instant due = start.minusSeconds(60);
		String id = (String) create(member(creator), event("Call", start, start.plusSeconds(600), 1)).get("id");

		List<Received> fired = this.reminders.awaitKey(id, Duration.ofSeconds(10), (all) -> !all.isEmpty());

		Received reminder = fired.get(0);
		assertThat(reminder.type()).isEqualTo("scheduler.reminder.due");
		assertThat(reminder.event().key()).isEqualTo(id);
		assertThat(reminder.text("eventId")).isEqualTo(id);
		assertThat(reminder.text("title")).isEqualTo("Call");
		assertThat(reminder.text("occurrenceStart")).isEqualTo(start.toString());
		assertThat(reminder.text("dueAt")).isEqualTo(due.toString());
		assertThat(reminder.event().payload().path("late").asBoolean()).isFalse();
		assertThat(reminder.event().payload().path("minutesBefore").asInt()).isEqualTo(1);
		assertThat(reminder.event().payload().path("recipients")).extracting((node) -> node.asString())
			.containsExactly("guest-1", creator);
		Instant firedAt = Instant.parse(reminder.text("firedAt"));
		assertThat(Duration.between(due, firedAt)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
		// and it reached the broker within two seconds of its due time
		assertThat(Duration.between(due, reminder.polledFrom())).isLessThan(Duration.ofSeconds(2));
		assertThat(this.reminders.pollKey(id, Duration.ofSeconds(2))).hasSize(1);
		assertThat(this.registry.get("hub.scheduler.timers.fired").tag("kind", "event.reminder").counter().count())
			.isPositive();
		assertThat(this.registry.get("hub.scheduler.firing.lag").timer().count()).isPositive();
	}

	@Test
	void startsAndEndsAreAnnouncedAndCrudEventsPublished() {
		Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		String id = (String) create(member("host-" + UUID.randomUUID()), event("Quick", start, start.plusSeconds(1), 0))
			.get("id");

		List<Received> all = this.events.awaitKey(id, Duration.ofSeconds(10),
				(received) -> received.stream().anyMatch((r) -> r.type().equals("scheduler.event.ended")));

		assertThat(all).extracting(Received::type)
			.containsExactly("scheduler.event.created", "scheduler.event.started", "scheduler.event.ended");
		assertThat(all.get(0).text("title")).isEqualTo("Quick");
		assertThat(all.get(1).text("dueAt")).isEqualTo(start.toString());
		assertThat(all.get(2).text("dueAt")).isEqualTo(start.plusSeconds(1).toString());
		assertThat(this.reminders.awaitKey(id, Duration.ofSeconds(5), (received) -> received.size() == 1)
			.get(0)
			.text("dueAt")).isEqualTo(start.toString());
	}

	@Test
	void aReminderDueWhileTheClockIsStoppedFiresOnceWhenItStartsMarkedLate() {
		this.clock.stop();
		Instant start = Instant.now().plusSeconds(61).truncatedTo(ChronoUnit.SECONDS);
		Instant due = start.minusSeconds(60);
		String id = (String) create(member("sleeper-" + UUID.randomUUID()),
				event("Missed", start, start.plusSeconds(600), 1))
			.get("id");
		long lateBefore = this.clock.status().late();
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due.plusSeconds(3)));
		assertThat(this.reminders.pollKey(id, Duration.ofMillis(300))).isEmpty();
		assertThat(this.clock.status().backlog()).isPositive();

		this.clock.start();

		List<Received> fired = this.reminders.awaitKey(id, Duration.ofSeconds(10), (all) -> !all.isEmpty());
		assertThat(fired).hasSize(1);
		assertThat(fired.get(0).event().payload().path("late").asBoolean()).isTrue();
		assertThat(this.clock.status().late()).isGreaterThan(lateBefore);
		this.clock.stop();
		this.clock.start();
		assertThat(this.reminders.pollKey(id, Duration.ofSeconds(2))).hasSize(1);
	}

	private static Map<String, Object> event(String title, Instant start, Instant end, int minutesBefore) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("startsAt", start.toString());
		body.put("endsAt", end.toString());
		body.put("timeZone", "Asia/Riyadh");
		body.put("reminders", List.of(Map.of("minutesBefore", minutesBefore)));
		body.put("attendeeIds", List.of("guest-1"));
		return body;
	}

}
