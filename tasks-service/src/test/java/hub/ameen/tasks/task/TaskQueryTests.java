package hub.ameen.tasks.task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views and filters of the task list, in the caller's time zone, without Spring.
 */
class TaskQueryTests {

	// a Thursday, 22:30 in UTC and already Friday 01:30 in Riyadh
	static final Instant NOW = Instant.parse("2026-12-03T22:30:00Z");

	static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	@Test
	void dueTodayIsTheCallersDayInTheirZone() {
		Task laterOnThursdayUtc = due("2026-12-03T23:00:00Z");
		Task fridayMorningRiyadh = due("2026-12-04T06:00:00Z");
		TaskQuery today = view(TaskQuery.View.today);
		assertThat(today.filter("me", NOW, ZoneOffset.UTC).test(laterOnThursdayUtc)).isTrue();
		assertThat(today.filter("me", NOW, ZoneOffset.UTC).test(fridayMorningRiyadh)).isFalse();
		assertThat(today.filter("me", NOW, RIYADH).test(laterOnThursdayUtc)).isTrue();
		assertThat(today.filter("me", NOW, RIYADH).test(fridayMorningRiyadh)).isTrue();
	}

	@Test
	void thisWeekRunsFromMondayToSundayAndLeavesDoneTasksOut() {
		TaskQuery week = view(TaskQuery.View.week);
		assertThat(week.filter("me", NOW, ZoneOffset.UTC).test(due("2026-11-30T00:00:00Z"))).isTrue();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC).test(due("2026-12-06T23:59:00Z"))).isTrue();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC).test(due("2026-12-07T00:00:00Z"))).isFalse();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC).test(due("2026-11-29T23:59:00Z"))).isFalse();
		Task done = PatchTaskRequest.status(Task.Status.done).applyTo(due("2026-12-02T10:00:00Z"), NOW);
		assertThat(week.filter("me", NOW, ZoneOffset.UTC).test(done)).isFalse();
	}

	@Test
	void aWeekStartingOnSundayRunsFromSundayToSaturday() {
		TaskQuery week = view(TaskQuery.View.week);
		java.time.DayOfWeek sunday = java.time.DayOfWeek.SUNDAY;
		assertThat(week.filter("me", NOW, ZoneOffset.UTC, sunday).test(due("2026-11-29T00:00:00Z"))).isTrue();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC, sunday).test(due("2026-12-05T23:59:00Z"))).isTrue();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC, sunday).test(due("2026-12-06T00:00:00Z"))).isFalse();
		assertThat(week.filter("me", NOW, ZoneOffset.UTC, sunday).test(due("2026-11-28T23:59:00Z"))).isFalse();
	}

	@Test
	void overdueIsOpenAndPastDue() {
		TaskQuery overdue = view(TaskQuery.View.overdue);
		assertThat(overdue.filter("me", NOW, RIYADH).test(due("2026-12-03T22:00:00Z"))).isTrue();
		assertThat(overdue.filter("me", NOW, RIYADH).test(due("2026-12-03T23:00:00Z"))).isFalse();
		assertThat(overdue.filter("me", NOW, RIYADH).test(task(null, null, List.of(), null))).isFalse();
	}

	@Test
	void mineCreatedAndWatchingAreTheCallersOwn() {
		Task task = task("layla", "omar", List.of("sami"), null);
		assertThat(view(TaskQuery.View.mine).filter("layla", NOW, RIYADH).test(task)).isTrue();
		assertThat(view(TaskQuery.View.mine).filter("omar", NOW, RIYADH).test(task)).isFalse();
		assertThat(view(TaskQuery.View.created).filter("omar", NOW, RIYADH).test(task)).isTrue();
		assertThat(view(TaskQuery.View.watching).filter("sami", NOW, RIYADH).test(task)).isTrue();
		assertThat(view(TaskQuery.View.watching).filter("layla", NOW, RIYADH).test(task)).isFalse();
		assertThat(view(TaskQuery.View.mine).assignedTo("layla")).isEqualTo("layla");
	}

	@Test
	void filtersNarrowByStatusLabelAndWordsInTitleOrDescription() {
		Task task = new CreateTaskRequest("Send the Quote", "to Layla at ACME", Task.Status.blocked, null, null, null,
				null, List.of("sales"), null, null, null, null)
			.toTask("t-1", "omar", NOW);
		assertThat(new TaskQuery(null, Task.Status.blocked, null, "sales", "quote").filter("x", NOW, RIYADH).test(task))
			.isTrue();
		assertThat(new TaskQuery(null, null, null, null, "acme").filter("x", NOW, RIYADH).test(task)).isTrue();
		assertThat(new TaskQuery(null, Task.Status.todo, null, null, null).filter("x", NOW, RIYADH).test(task))
			.isFalse();
		assertThat(new TaskQuery(null, null, null, "ops", null).filter("x", NOW, RIYADH).test(task)).isFalse();
		assertThat(new TaskQuery(null, null, null, null, "invoice").filter("x", NOW, RIYADH).test(task)).isFalse();
	}

	private static TaskQuery view(TaskQuery.View view) {
		return new TaskQuery(view, null, null, null, null);
	}

	private static Task due(String at) {
		return task(null, "omar", List.of(), Instant.parse(at));
	}

	private static Task task(String assignee, String creator, List<String> watchers, Instant dueAt) {
		return new CreateTaskRequest("T", null, null, null, assignee, watchers, dueAt, null, null, null, null, null)
			.toTask("t-1", creator, NOW);
	}

}
