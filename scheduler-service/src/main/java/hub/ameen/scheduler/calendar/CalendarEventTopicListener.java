package hub.ameen.scheduler.calendar;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.scheduler.clock.TimerClock;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#CALENDAR_EVENT} back, in this instance's own group, so that every
 * scheduler instance knows every event and every firing: changes go to the
 * {@link EventReplica} (once per event id, through the inbox), starts and ends to the
 * clock, which remembers them as fired.
 */
@Component
class CalendarEventTopicListener {

	private final Inbox inbox;

	private final EventReplica replica;

	private final TimerClock clock;

	CalendarEventTopicListener(Inbox inbox, EventReplica replica, TimerClock clock) {
		this.inbox = inbox;
		this.replica = replica;
		this.clock = clock;
	}

	@KafkaListener(id = "scheduler-calendar-events", idIsGroup = false, topics = Topics.CALENDAR_EVENT)
	void on(EventEnvelope event) {
		if (EventReplica.isChange(event)) {
			this.inbox.process(event, this.replica::apply);
		}
		else {
			this.clock.observe(event);
		}
	}

}
