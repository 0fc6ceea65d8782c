package hub.ameen.scheduler.clock;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the scheduler's own {@link Topics#REMINDER} and {@link Topics#TASK_DEADLINE}
 * back, in this instance's own group: every firing, this instance's or another's, is
 * remembered, so that no instance fires it again (see {@link TimerClock#observe}).
 */
@Component
class FiringTopicsListener {

	private final TimerClock clock;

	FiringTopicsListener(TimerClock clock) {
		this.clock = clock;
	}

	@KafkaListener(id = "scheduler-firings", idIsGroup = false, topics = { Topics.REMINDER, Topics.TASK_DEADLINE })
	void on(EventEnvelope event) {
		this.clock.observe(event);
	}

}
