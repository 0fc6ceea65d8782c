package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import hub.ameen.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskOwnershipTests {

	private static final Task TASK = new Task("t-1", "Call Layla", null, Task.Status.todo, Task.Priority.medium,
			"layla", List.of(), null, List.of(), List.of(), null, null, List.of(), "r", "omar", Instant.EPOCH,
			Instant.EPOCH, null);

	@Test
	void creatorAndAssigneeMayChangeTheTask() {
		assertThat(TaskOwnership.check(TASK, member("omar"))).isSameAs(TASK);
		assertThat(TaskOwnership.check(TASK, member("layla"))).isSameAs(TASK);
	}

	@Test
	void aMemberWhoNeitherCreatedNorWasGivenItMayNot() {
		assertThatThrownBy(() -> TaskOwnership.check(TASK, member("sami"))).isInstanceOf(TaskAccessDenied.class)
			.hasMessageContaining("403");
	}

	@Test
	void aHolderOfTasksManageMayChangeAnyTask() {
		CurrentUser manager = new CurrentUser("boss", null, Set.of("tasks:write", "tasks:manage"));
		assertThat(TaskOwnership.check(TASK, manager)).isSameAs(TASK);
	}

	private static CurrentUser member(String id) {
		return new CurrentUser(id, null, Set.of("tasks:read", "tasks:write"));
	}

}
