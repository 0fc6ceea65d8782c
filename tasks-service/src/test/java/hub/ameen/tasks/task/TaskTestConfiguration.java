package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.Ids;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The task aggregate for slice tests of other features, with a way to make tasks.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TaskConfiguration.class)
public class TaskTestConfiguration {

	@Bean
	Tasks testTasks(Aggregate<Task> tasks) {
		return new Tasks(tasks);
	}

	/** Makes tasks straight through the aggregate. */
	public static final class Tasks {

		private final Aggregate<Task> tasks;

		Tasks(Aggregate<Task> tasks) {
			this.tasks = tasks;
		}

		/** A new task; returns its id. */
		public String create(String title, String createdBy, String assigneeId, List<String> watcherIds) {
			Task task = new CreateTaskRequest(title, null, null, null, assigneeId, watcherIds, null, null, null, null,
					null, null)
				.toTask(Ids.next(), createdBy, Instant.now());
			return this.tasks.create(task, createdBy).block().id();
		}

	}

}
