package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a new task and of a change to one, without Spring.
 */
class TaskRequestsTests {

	static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	static final Validator validator = factory.getValidator();

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aNewTaskNeedsATitleAndKeepsItsListsShort() {
		CreateTaskRequest request = new CreateTaskRequest(" ", null, null, null, "x".repeat(65),
				Collections.nCopies(51, "w"), Instant.parse("9999-01-01T00:00:00Z"), Collections.nCopies(21, "l"),
				List.of(new CreateTaskRequest.ChecklistItemRequest("x".repeat(501), null)),
				new CreateTaskRequest.RelatedRequest("invoice", "c-1"), null,
				List.of(new CreateTaskRequest.ReminderRequest(-1)));
		assertThat(fields(validator.validate(request))).containsExactlyInAnyOrder("title", "assigneeId", "watcherIds",
				"dueAt", "labels", "checklist[0].text", "related.type", "reminders[0].minutesBefore");
	}

	@Test
	void tenThousandLabelsOrAHugeDescriptionAreRefused() {
		CreateTaskRequest request = new CreateTaskRequest("T", "x".repeat(10_001), null, null, null, null, null,
				Collections.nCopies(10_000, "l"), null, null, null, null);
		assertThat(fields(validator.validate(request))).containsExactlyInAnyOrder("description", "labels");
	}

	@Test
	void aNewTaskIsToDoOfMediumPriorityAndCreatedByTheCaller() {
		Task task = create("Call Layla").toTask("t-1", "omar", NOW);
		assertThat(task.status()).isEqualTo(Task.Status.todo);
		assertThat(task.priority()).isEqualTo(Task.Priority.medium);
		assertThat(task.createdBy()).isEqualTo("omar");
		assertThat(task.createdAt()).isEqualTo(NOW).isEqualTo(task.updatedAt());
		assertThat(task.completedAt()).isNull();
		assertThat(task.rank()).startsWith("t-1");
	}

	@Test
	void repeatedWatchersLabelsAndRemindersAreKeptOnce() {
		Task task = new CreateTaskRequest("T", null, null, null, null, List.of("a", "b", "a"), null, List.of("x", "x"),
				null, null, null, List.of(new CreateTaskRequest.ReminderRequest(10),
						new CreateTaskRequest.ReminderRequest(10), new CreateTaskRequest.ReminderRequest(60)))
			.toTask("t-1", "omar", NOW);
		assertThat(task.watcherIds()).containsExactly("a", "b");
		assertThat(task.labels()).containsExactly("x");
		assertThat(task.reminders()).extracting(Task.Reminder::minutesBefore).containsExactly(10, 60);
	}

	@Test
	void aChangeMayLeaveTheTitleOutButNotBlankIt() {
		assertThat(validator.validate(patch(null))).isEmpty();
		assertThat(fields(validator.validate(patch("   ")))).containsExactly("title");
		assertThat(fields(validator.validate(patch("")))).contains("title");
	}

	@Test
	void aChangeReplacesOnlyTheFieldsItNames() {
		Task current = new CreateTaskRequest("Call Layla", "about the deal", Task.Status.todo, Task.Priority.high,
				"layla", List.of("sami"), NOW, List.of("sales"), null, null, null, null)
			.toTask("t-1", "omar", NOW);
		Instant later = NOW.plusSeconds(60);
		Task changed = PatchTaskRequest.status(Task.Status.blocked).applyTo(current, later);
		assertThat(changed).isEqualTo(new Task("t-1", "Call Layla", "about the deal", Task.Status.blocked,
				Task.Priority.high, "layla", List.of("sami"), NOW, List.of("sales"), List.of(), null, null, List.of(),
				current.rank(), "omar", NOW, later, null));
	}

	@Test
	void completingStampsCompletedAtAndReopeningClearsIt() {
		Task open = create("Call Layla").toTask("t-1", "omar", NOW);
		Task done = PatchTaskRequest.status(Task.Status.done).applyTo(open, NOW.plusSeconds(60));
		assertThat(done.completedAt()).isEqualTo(NOW.plusSeconds(60));
		Task stillDone = PatchTaskRequest.status(Task.Status.done).applyTo(done, NOW.plusSeconds(120));
		assertThat(stillDone.completedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(PatchTaskRequest.status(Task.Status.todo).applyTo(done, NOW.plusSeconds(180)).completedAt())
			.isNull();
	}

	@Test
	void anEmptyTextClearsTheAssigneeAndDescription() {
		Task current = new CreateTaskRequest("T", "words", null, null, "layla", null, NOW, null, null, null, null, null)
			.toTask("t-1", "omar", NOW);
		Task cleared = new PatchTaskRequest(null, "", null, null, "", null, null, true, null, null, null, null, null)
			.applyTo(current, NOW);
		assertThat(cleared.assigneeId()).isNull();
		assertThat(cleared.description()).isNull();
		assertThat(cleared.dueAt()).isNull();
	}

	private static CreateTaskRequest create(String title) {
		return new CreateTaskRequest(title, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static PatchTaskRequest patch(String title) {
		return new PatchTaskRequest(title, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

}
