package hub.ameen.notification.inbound;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.feed.ActivityFeed;
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
 * Reads {@link Topics#DEAL}: tells a deal's owner when it is won ({@code deal.won}) and
 * when someone else gives it to them ({@code deal.assigned}).
 */
@Component
class DealTopicListener {

	private final EventHandlers handlers;

	private final Notifier notifier;

	DealTopicListener(Inbox inbox, Notifier notifier, JsonMapper json, ActivityFeed feed) {
		this.notifier = notifier;
		this.handlers = EventHandlers.through(inbox, json)
			.on("deal.won", DealPayload.class, feed.alongside(this::won))
			.on("deal.assigned", DealPayload.class, this::assigned)
			.on("deal.created", Object.class, feed.entry())
			.on("deal.updated", Object.class, feed.entry())
			.on("deal.stage-changed", Object.class, feed.entry())
			.on("deal.deleted", Object.class, feed.entry());
	}

	/** The part of a deal event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DealPayload(String id, String title, String ownerId, Amount amount) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Amount(String value, String currency) {
		}

		String name() {
			return Objects.requireNonNullElse(this.title, "A deal");
		}

	}

	@KafkaListener(topics = Topics.DEAL)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void won(WriteTxn txn, EventEnvelope event, DealPayload deal) {
		String amount = (deal.amount() != null) ? deal.amount().value() + " " + deal.amount().currency() : "";
		this.notifier.notify(txn, new NotificationDraft(NotificationTypes.CRM_DEAL_WON, "Deal won: " + deal.name(),
				amount, "/crm/deals/" + event.key(), event.id(), event.occurredAt()), recipients(deal.ownerId()));
	}

	private void assigned(WriteTxn txn, EventEnvelope event, DealPayload deal) {
		if (deal.ownerId() != null && !deal.ownerId().equals(event.actorId())) {
			this.notifier.notify(
					txn, new NotificationDraft(NotificationTypes.CRM_ASSIGNED, "Deal assigned to you: " + deal.name(),
							"", "/crm/deals/" + event.key(), event.id(), event.occurredAt()),
					recipients(deal.ownerId()));
		}
	}

	private static List<String> recipients(String userId) {
		return (userId != null) ? List.of(userId) : List.of();
	}

}
