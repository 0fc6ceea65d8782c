package hub.ameen.tasks.comment;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Comments as an aggregate: kept in {@code comments}, filed by task, announced on
 * {@link Topics#TASK_COMMENT}; rebuilt from {@link Topics#TASK_COMMENT_CHANGELOG} when
 * the store is empty.
 */
@Configuration(proxyBeanMethods = false)
class CommentConfiguration {

	/** The index of comments by {@link Comment#taskId()}. */
	static final String BY_TASK = "task";

	@Bean
	Aggregate<Comment> comments(Store store, Outbox outbox, JsonMapper json) {
		return Aggregate.of(Comment.class)
			.collection("comments")
			.id(Comment::id)
			.events(Comment.CREATED, Comment.UPDATED, Comment.DELETED)
			.changelog(Topics.TASK_COMMENT_CHANGELOG)
			.index(BY_TASK, Comment::taskId)
			.open(store, outbox, json);
	}

	@Bean
	KafkaAdmin.NewTopics commentTopics() {
		return Topics.declare(Topics.TASK_COMMENT);
	}

	@Bean
	KafkaAdmin.NewTopics commentChangelog() {
		return Topics.declareChangelogs(Topics.TASK_COMMENT_CHANGELOG);
	}

}
