package hub.ameen.tasks.task;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What {@code GET /api/tasks} asks for: a view of the caller's work and filters, all of
 * which a task must pass. Day and week boundaries are the caller's, in their time zone.
 *
 * @param view which tasks, or null for all
 * @param status only tasks in this status, or null
 * @param assigneeId only tasks assigned to this user, or null
 * @param label only tasks with this label, or null
 * @param q words that the title or description must contain (case-insensitive), or null
 */
record TaskQuery(View view, Task.Status status, String assigneeId, String label, String q) {

	/** The views of {@code ?view=}. */
	enum View {

		/** assigned to me */
		mine,
		/** created by me */
		created,
		/** watched by me */
		watching,
		/** open and past due */
		overdue,
		/** open and due today */
		today,
		/**
		 * open and due this week (from the organisation's week start, Monday by default)
		 */
		week

	}

	/** The tasks the query keeps, for the caller at this moment in their zone. */
	Predicate<Task> filter(String me, Instant now, ZoneId zone) {
		return filter(me, now, zone, DayOfWeek.MONDAY);
	}

	/** The tasks the query keeps, with weeks starting on {@code weekStart}. */
	Predicate<Task> filter(String me, Instant now, ZoneId zone, DayOfWeek weekStart) {
		Predicate<Task> keep = viewOf(me, now, zone, weekStart);
		if (this.status != null) {
			keep = keep.and((task) -> task.status() == this.status);
		}
		if (this.assigneeId != null) {
			keep = keep.and((task) -> this.assigneeId.equals(task.assigneeId()));
		}
		if (this.label != null) {
			keep = keep.and((task) -> task.labels().contains(this.label));
		}
		if (this.q != null && !this.q.isBlank()) {
			String words = this.q.strip().toLowerCase(Locale.ROOT);
			keep = keep.and((task) -> contains(task.title(), words) || contains(task.description(), words));
		}
		return keep;
	}

	/** The user whose assigned tasks an index can find first, if the query names one. */
	String assignedTo(String me) {
		return (this.view == View.mine) ? me : this.assigneeId;
	}

	private Predicate<Task> viewOf(String me, Instant now, ZoneId zone, DayOfWeek weekStart) {
		if (this.view == null) {
			return (task) -> true;
		}
		ZonedDateTime today = now.atZone(zone).toLocalDate().atStartOfDay(zone);
		return switch (this.view) {
			case mine -> (task) -> me.equals(task.assigneeId());
			case created -> (task) -> me.equals(task.createdBy());
			case watching -> (task) -> task.watcherIds().contains(me);
			case overdue -> (task) -> task.isOpen() && task.dueAt() != null && task.dueAt().isBefore(now);
			case today -> due(today.toInstant(), today.plusDays(1).toInstant());
			case week -> {
				ZonedDateTime first = today.with(TemporalAdjusters.previousOrSame(weekStart));
				yield due(first.toInstant(), first.plusWeeks(1).toInstant());
			}
		};
	}

	private static Predicate<Task> due(Instant from, Instant until) {
		return (task) -> task.isOpen() && task.dueAt() != null && !task.dueAt().isBefore(from)
				&& task.dueAt().isBefore(until);
	}

	private static boolean contains(String text, String words) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(words);
	}

}
