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
		CreateTaskRequest request = new CreateTaskRequest(" ", null, null, null, "x".repeat(65), null,
				Collections.nCopies(21, "l"), new CreateTaskRequest.RelatedRequest("", "c-1"));
		assertThat(fields(validator.validate(request))).containsExactlyInAnyOrder("title", "assigneeId", "labels",
				"related.type");
	}

	@Test
	void aNewTaskIsToDoOfMediumPriorityAndCreatedByTheCaller() {
		Task task = new CreateTaskRequest("Call Layla", null, null, null, null, null, null, null).toTask("t-1", "omar",
				NOW);
		assertThat(task.status()).isEqualTo(Task.Status.todo);
		assertThat(task.priority()).isEqualTo(Task.Priority.medium);
		assertThat(task.createdBy()).isEqualTo("omar");
		assertThat(task.createdAt()).isEqualTo(NOW).isEqualTo(task.updatedAt());
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
				"layla", NOW, List.of("sales"), null)
			.toTask("t-1", "omar", NOW);
		Instant later = NOW.plusSeconds(60);
		Task changed = new PatchTaskRequest(null, null, Task.Status.done, null, null, null, null, null).applyTo(current,
				later);
		assertThat(changed).isEqualTo(new Task("t-1", "Call Layla", "about the deal", Task.Status.done,
				Task.Priority.high, "layla", NOW, List.of("sales"), null, "omar", NOW, later));
	}

	private static PatchTaskRequest patch(String title) {
		return new PatchTaskRequest(title, null, null, null, null, null, null, null);
	}

	private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

}
