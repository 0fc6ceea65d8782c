package hub.ameen.tasks.task;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Tasks as an aggregate: kept in {@code tasks}, filed by assignee, announced on
 * {@link Topics#TASK}; rebuilt from {@link Topics#TASK_CHANGELOG} when the store is
 * empty.
 */
@Configuration(proxyBeanMethods = false)
class TaskConfiguration {

	/** The index of tasks by {@link Task#assigneeId()}. */
	static final String BY_ASSIGNEE = "assignee";

	/** The index of tasks by {@link Task#createdBy()}. */
	static final String BY_CREATOR = "creator";

	/** The index of tasks by {@link Task#status()}: the board's columns. */
	static final String BY_STATUS = "status";

	/** The index of tasks by the CRM record they are about ({@link #relatedKey}). */
	static final String BY_RELATED = "related";

	/** A related record's key in {@link #BY_RELATED}: {@code type:id}. */
	static String relatedKey(Task.Related related) {
		return (related != null) ? related.type() + ":" + related.id() : null;
	}

	@Bean
	Aggregate<Task> tasks(Store store, Outbox outbox, JsonMapper json) {
		return Aggregate.of(Task.class)
			.collection("tasks")
			.id(Task::id)
			.events(Task.CREATED, Task.UPDATED, Task.DELETED)
			.changelog(Topics.TASK_CHANGELOG)
			.index(BY_ASSIGNEE, Task::assigneeId)
			.index(BY_CREATOR, Task::createdBy)
			.index(BY_STATUS, (task) -> task.status().name())
			.index(BY_RELATED, (task) -> relatedKey(task.related()))
			.open(store, outbox, json);
	}

	@Bean
	KafkaAdmin.NewTopics taskTopics() {
		return Topics.declare(Topics.TASK);
	}

	@Bean
	KafkaAdmin.NewTopics taskChangelog() {
		return Topics.declareChangelogs(Topics.TASK_CHANGELOG);
	}

}
