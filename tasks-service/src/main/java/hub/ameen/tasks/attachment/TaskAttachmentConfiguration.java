package hub.ameen.tasks.attachment;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.files.Attachments;
import hub.ameen.tasks.task.Task;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A deleted task takes its files with it, in the transaction that deletes it.
 */
@Configuration(proxyBeanMethods = false)
public class TaskAttachmentConfiguration {

	/** The owner type task files are filed under. */
	static final String OWNER_TYPE = "task";

	@Bean
	InitializingBean taskFilesFollowTheirTask(Aggregate<Task> tasks, Attachments attachments) {
		return () -> tasks.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Task.DELETED)) {
				attachments.detachAllIn(txn, OWNER_TYPE, before.id(), actorId);
			}
		});
	}

}
