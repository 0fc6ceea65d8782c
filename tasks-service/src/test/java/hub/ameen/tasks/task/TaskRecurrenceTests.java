package hub.ameen.tasks.task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rules a task may repeat by, and when its next occurrence is due, without Spring.
 */
class TaskRecurrenceTests {

	static final Instant MONDAY_9 = Instant.parse("2026-11-30T06:00:00Z");

	@Test
	void aRuleMustBeShortSimpleAndRepeatFromADueTime() {
		assertThat(problem("FREQ=WEEKLY;BYDAY=MO,WE", MONDAY_9)).isEmpty();
		assertThat(problem("RRULE:FREQ=DAILY;COUNT=3", MONDAY_9)).isEmpty();
		assertThat(problem("FREQ=DAILY", null)).contains("needs a dueAt to repeat from");
		assertThat(problem("every day", MONDAY_9))
			.hasValueSatisfying((p) -> assertThat(p).startsWith("is not a valid"));
		assertThat(problem("FREQ=MINUTELY", MONDAY_9)).isPresent();
		assertThat(problem("FREQ=HOURLY", MONDAY_9)).isPresent();
		assertThat(problem("FREQ=DAILY;BYHOUR=1,2,3", MONDAY_9)).isPresent();
		assertThat(problem("FREQ=YEARLY;BYSETPOS=-1;BYDAY=MO", MONDAY_9)).isPresent();
		assertThat(problem("FREQ=DAILY;INTERVAL=5000", MONDAY_9)).isPresent();
		assertThat(problem("FREQ=DAILY;COUNT=100000", MONDAY_9)).isPresent();
	}

	@Test
	void theNextOccurrenceIsTheRulesFirstInstanceAfterTheDueTimeInTheZone() {
		ZoneId riyadh = ZoneId.of("Asia/Riyadh");
		assertThat(TaskRecurrence.next("FREQ=WEEKLY;BYDAY=MO,WE", MONDAY_9, riyadh)).map(TaskRecurrence.Next::dueAt)
			.contains(Instant.parse("2026-12-02T06:00:00Z"));
		assertThat(TaskRecurrence.next("FREQ=MONTHLY", MONDAY_9, ZoneOffset.UTC)).map(TaskRecurrence.Next::dueAt)
			.contains(Instant.parse("2026-12-30T06:00:00Z"));
	}

	@Test
	void countCountsDownAndUntilEndsTheSeries() {
		Optional<TaskRecurrence.Next> second = TaskRecurrence.next("FREQ=DAILY;COUNT=3", MONDAY_9, ZoneOffset.UTC);
		assertThat(second).map(TaskRecurrence.Next::rule)
			.hasValueSatisfying((rule) -> assertThat(rule).contains("COUNT=2"));
		assertThat(TaskRecurrence.next("FREQ=DAILY;COUNT=1", MONDAY_9, ZoneOffset.UTC)).isEmpty();
		assertThat(TaskRecurrence.next("FREQ=DAILY;UNTIL=20261130T235959Z", MONDAY_9, ZoneOffset.UTC)).isEmpty();
		assertThat(TaskRecurrence.next("FREQ=YEARLY", Instant.parse("2199-06-01T00:00:00Z"), ZoneOffset.UTC)).isEmpty();
	}

	private static Optional<String> problem(String rule, Instant due) {
		Task task = new CreateTaskRequest("T", null, null, null, null, null, due, null, null, null, rule, null)
			.toTask("t-1", "omar", MONDAY_9);
		return TaskRecurrence.problem(task);
	}

}
