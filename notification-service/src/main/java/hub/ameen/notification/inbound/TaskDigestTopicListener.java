package hub.ameen.notification.inbound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.inbox.HeldNotifications;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK_DIGEST}: a user's {@code digest.compiled} becomes one
 * {@code task.digest} notification listing their overdue and today's tasks and what they
 * chose to get by digest since the last one (which it takes); nothing at all when all of
 * that is empty. Once per event id, and tasks-service gives a user one id per day.
 */
@Component
class TaskDigestTopicListener {

	static final int HELD_LISTED = 10;

	private final EventHandlers handlers;

	private final Notifier notifier;

	private final HeldNotifications held;

	TaskDigestTopicListener(Inbox inbox, Notifier notifier, HeldNotifications held, JsonMapper json) {
		this.notifier = notifier;
		this.held = held;
		this.handlers = EventHandlers.through(inbox, json).on("digest.compiled", Digest.class, this::deliver);
	}

	@KafkaListener(topics = Topics.TASK_DIGEST)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void deliver(WriteTxn txn, EventEnvelope event, Digest digest) {
		List<NotificationDraft> updates = this.held.takeAll(txn, digest.userId());
		if (digest.overdueCount() + digest.todayCount() + updates.size() == 0) {
			return;
		}
		this.notifier.notify(txn, digest.draft(event, updates), List.of(digest.userId()));
	}

	/**
	 * The part of {@code digest.compiled} this service reads.
	 *
	 * @param userId whose digest it is
	 * @param day their local day
	 * @param dueAt when it was due
	 * @param overdue open tasks past due (at most 20)
	 * @param today open tasks due later today (at most 20)
	 * @param overdueCount how many are overdue
	 * @param todayCount how many are due later today
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Digest(String userId, LocalDate day, Instant dueAt, List<Item> overdue, List<Item> today, int overdueCount,
			int todayCount) {

		Digest {
			if (userId == null || userId.isBlank()) {
				throw new IllegalArgumentException("a digest needs a userId");
			}
			overdue = (overdue != null) ? overdue : List.of();
			today = (today != null) ? today : List.of();
		}

		NotificationDraft draft(EventEnvelope event, List<NotificationDraft> updates) {
			List<String> counts = new ArrayList<>();
			List<String> lines = new ArrayList<>();
			if (this.overdueCount > 0) {
				counts.add(this.overdueCount + " overdue");
				lines.add("Overdue: " + titles(this.overdue, this.overdueCount));
			}
			if (this.todayCount > 0) {
				counts.add(this.todayCount + " due today");
				lines.add("Due today: " + titles(this.today, this.todayCount));
			}
			if (!updates.isEmpty()) {
				counts.add(updates.size() + ((updates.size() == 1) ? " update" : " updates"));
				lines.add("Updates: " + updates.stream()
					.limit(HELD_LISTED)
					.map(NotificationDraft::title)
					.collect(Collectors.joining("; ")) + more(updates.size(), HELD_LISTED));
			}
			String link = (this.overdueCount + this.todayCount > 0) ? "/tasks?view=today" : "/notifications";
			return new NotificationDraft(NotificationTypes.TASK_DIGEST,
					"Your daily digest: " + String.join(", ", counts), String.join("\n", lines), link, event.id(),
					(this.dueAt != null) ? this.dueAt : event.occurredAt());
		}

		private static String titles(List<Item> items, int count) {
			return items.stream().map(Item::title).collect(Collectors.joining(", ")) + more(count, items.size());
		}

		private static String more(int count, int listed) {
			return (count > listed) ? " and " + (count - listed) + " more" : "";
		}

	}

	/**
	 * One task in a digest.
	 *
	 * @param id the task
	 * @param title its title
	 * @param dueAt when it is due
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Item(String id, String title, Instant dueAt) {
	}

}
