package hub.ameen.notification.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import hub.ameen.notification.feed.FeedPayloads.CalendarRecord;
import hub.ameen.notification.feed.FeedPayloads.CommentRecord;
import hub.ameen.notification.feed.FeedPayloads.CrmRecord;
import hub.ameen.notification.feed.FeedPayloads.StageChanged;
import hub.ameen.notification.feed.FeedPayloads.TaskRecord;
import hub.ameen.notification.feed.FeedPayloads.TaskState;
import hub.ameen.notification.feed.FeedPayloads.UserRecord;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns the events the topic listeners receive into feed entries, inside the inbox's
 * transaction, so each event gives at most one entry. A listener adds it to a handler it
 * has ({@link #alongside}) or registers it alone ({@link #entry}). Keeps what it needs to
 * tell changes apart: each deal's stage (a stage move is one {@code deal.moved}, not also
 * a {@code deal.changed}) and each task's assignee and status.
 */
@Component
public class ActivityFeed {

	private final FeedStore feed;

	private final JsonMapper json;

	private final ObjectProvider<FeedListener> listeners;

	private final Collection<String, String> dealStages;

	private final Collection<String, TaskState> tasks;

	private final Map<String, Translator> translators = new HashMap<>();

	ActivityFeed(FeedStore feed, Store store, JsonMapper json, ObjectProvider<FeedListener> listeners) {
		this.feed = feed;
		this.json = json;
		this.listeners = listeners;
		this.dealStages = store.collection("feed.deal-stages", Codec.utf8(), Codec.utf8());
		this.tasks = store.collection("feed.tasks", Codec.utf8(), Codec.json(json, TaskState.class));
		crm("contact", "/crm/contacts/");
		crm("company", "/crm/companies/");
		this.translators.put("deal.created", this::dealCreated);
		this.translators.put("deal.updated", this::dealUpdated);
		this.translators.put("deal.stage-changed", this::dealMoved);
		this.translators.put("deal.won", (txn, event) -> add(txn, event, "deal.won", deal(event), "won",
				"/crm/deals/" + event.key(), List.of(FeedAudience.CRM)));
		this.translators.put("deal.deleted", (txn, event) -> this.dealStages.delete(txn, event.key()));
		this.translators.put("task.created", this::taskCreated);
		this.translators.put("task.updated", this::taskUpdated);
		this.translators.put("task.deleted", (txn, event) -> this.tasks.delete(txn, event.key()));
		this.translators.put("comment.created", this::commented);
		this.translators.put("scheduler.event.created", (txn, event) -> calendar(txn, event, "event.scheduled"));
		this.translators.put("scheduler.event.updated", (txn, event) -> calendar(txn, event, "event.changed"));
		this.translators.put("user.created", this::joined);
	}

	/** Records the event in the feed if it is a kind the feed shows. */
	public void record(WriteTxn txn, EventEnvelope event) {
		Translator translator = this.translators.get(event.type());
		if (translator != null) {
			translator.translate(txn, event);
		}
	}

	/** The handler, then the event recorded in the feed, in one transaction. */
	public <P> EventHandlers.Handler<P> alongside(EventHandlers.Handler<P> handler) {
		return (txn, event, payload) -> {
			handler.handle(txn, event, payload);
			record(txn, event);
		};
	}

	/** A handler that only records the event in the feed. */
	public <P> EventHandlers.Handler<P> entry() {
		return (txn, event, payload) -> record(txn, event);
	}

	private void crm(String kind, String link) {
		for (String verb : List.of("created", "updated")) {
			String type = kind + "." + (verb.equals("created") ? "created" : "changed");
			this.translators.put(kind + "." + verb, (txn, event) -> add(txn, event, type,
					new FeedEntry.About(kind, event.key(), read(event, CrmRecord.class).label(kind)),
					verb.equals("created") ? "created" : "changed", link + event.key(), List.of(FeedAudience.CRM)));
		}
	}

	private void dealCreated(WriteTxn txn, EventEnvelope event) {
		CrmRecord deal = read(event, CrmRecord.class);
		keepStage(txn, event.key(), deal.stage());
		add(txn, event, "deal.created", about(event, deal), "created", "/crm/deals/" + event.key(),
				List.of(FeedAudience.CRM));
	}

	private void dealUpdated(WriteTxn txn, EventEnvelope event) {
		CrmRecord deal = read(event, CrmRecord.class);
		String before = this.dealStages.get(txn, event.key()).orElse(null);
		keepStage(txn, event.key(), deal.stage());
		boolean moved = before != null && !before.equals(deal.stage());
		if (!moved) {
			add(txn, event, "deal.changed", about(event, deal), "changed", "/crm/deals/" + event.key(),
					List.of(FeedAudience.CRM));
		}
	}

	private void dealMoved(WriteTxn txn, EventEnvelope event) {
		StageChanged move = read(event, StageChanged.class);
		if (!"won".equals(move.to())) {
			CrmRecord deal = (move.deal() != null) ? move.deal() : new CrmRecord(null, null, null, null, null, null);
			add(txn, event, "deal.moved", about(event, deal), "moved from " + move.from() + " to " + move.to(),
					"/crm/deals/" + event.key(), List.of(FeedAudience.CRM));
		}
	}

	private void keepStage(WriteTxn txn, String dealId, String stage) {
		if (stage != null) {
			this.dealStages.put(txn, dealId, stage);
		}
	}

	private FeedEntry.About deal(EventEnvelope event) {
		return about(event, read(event, CrmRecord.class));
	}

	private static FeedEntry.About about(EventEnvelope event, CrmRecord deal) {
		return new FeedEntry.About("deal", event.key(), deal.label("deal"));
	}

	private void taskCreated(WriteTxn txn, EventEnvelope event) {
		TaskRecord task = read(event, TaskRecord.class);
		this.tasks.put(txn, event.key(), new TaskState(task.assigneeId(), task.status()));
		add(txn, event, "task.created", task(event, task), "created", "/tasks/" + event.key(),
				List.of(FeedAudience.TASKS));
	}

	/** A completion, else a new assignee, is an entry; other changes are not. */
	private void taskUpdated(WriteTxn txn, EventEnvelope event) {
		TaskRecord task = read(event, TaskRecord.class);
		TaskState before = this.tasks.get(txn, event.key()).orElse(new TaskState(null, null));
		this.tasks.put(txn, event.key(), new TaskState(task.assigneeId(), task.status()));
		if ("done".equals(task.status()) && !"done".equals(before.status())) {
			add(txn, event, "task.completed", task(event, task), "completed", "/tasks/" + event.key(),
					List.of(FeedAudience.TASKS));
		}
		else if (task.assigneeId() != null && !task.assigneeId().equals(before.assigneeId())) {
			add(txn, event, "task.assigned", task(event, task), "assigned", "/tasks/" + event.key(),
					List.of(FeedAudience.TASKS));
		}
	}

	private static FeedEntry.About task(EventEnvelope event, TaskRecord task) {
		return new FeedEntry.About("task", event.key(), task.title());
	}

	private void commented(WriteTxn txn, EventEnvelope event) {
		CommentRecord comment = read(event, CommentRecord.class);
		add(txn, event, "task.commented", new FeedEntry.About("task", comment.taskId(), comment.taskTitle()),
				"commented", "/tasks/" + comment.taskId(), List.of(FeedAudience.TASKS));
	}

	/** The sweep that completes a past event (no actor) is not news. */
	private void calendar(WriteTxn txn, EventEnvelope event, String type) {
		if (event.actorId() == null) {
			return;
		}
		CalendarRecord calendar = read(event, CalendarRecord.class);
		add(txn, event, type, new FeedEntry.About("event", event.key(), calendar.title()),
				type.equals("event.scheduled") ? "scheduled for " + calendar.startsAt() : "changed",
				"/calendar/events/" + event.key(),
				FeedAudience.ofCalendarEvent(calendar.creatorId(), calendar.attendeeIds()));
	}

	private void joined(WriteTxn txn, EventEnvelope event) {
		UserRecord user = read(event, UserRecord.class);
		add(txn, event, "user.joined", new FeedEntry.About("user", event.key(), user.label()), "joined",
				"/users/" + event.key(), List.of(FeedAudience.USERS));
	}

	private void add(WriteTxn txn, EventEnvelope event, String type, FeedEntry.About about, String summary, String link,
			List<String> streams) {
		FeedEntry entry = new FeedEntry(FeedEntry.idOf(event.occurredAt(), event.id()), type, event.actorId(),
				event.occurredAt(), about, Objects.requireNonNull(summary), link);
		this.feed.add(txn, entry, streams);
		txn.afterCommit(() -> this.listeners.orderedStream().forEach((listener) -> listener.added(entry, streams)));
	}

	private <T> T read(EventEnvelope event, Class<T> type) {
		return event.payloadAs(type, this.json);
	}

	/** Turns one type of event into an entry, or nothing. */
	@FunctionalInterface
	private interface Translator {

		void translate(WriteTxn txn, EventEnvelope event);

	}

}
