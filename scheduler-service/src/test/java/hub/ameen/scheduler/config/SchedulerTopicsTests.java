package hub.ameen.scheduler.config;

import hub.ameen.platform.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTopicsTests {

	@Test
	void constantsFollowTheTopicNamingRule() {
		assertThat(SchedulerTopics.REMINDERS).isEqualTo(Topics.name("scheduler", "reminder", 1));
		assertThat(SchedulerTopics.EVENTS).isEqualTo(Topics.name("scheduler", "event", 1));
		assertThat(SchedulerTopics.TASK_DEADLINES).isEqualTo(Topics.name("scheduler", "task", 1));
		assertThat(SchedulerTopics.TASKS).isEqualTo(Topics.name("tasks", "task", 1));
	}

}
