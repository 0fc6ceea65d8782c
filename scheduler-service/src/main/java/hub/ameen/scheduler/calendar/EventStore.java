package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import hub.ameen.platform.events.ChangelogCollection;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The events in the store, by id, with indexes by participant (attendees and creator), by
 * status and by series; rebuilt from {@link Topics#CALENDAR_EVENT_CHANGELOG} when the
 * store is empty. A change made on this instance is written to the changelog with it
 * ({@link #put}, {@link #delete}); a copy of another instance's change is not
 * ({@link #putReplica}, {@link #deleteReplica}): that instance wrote it already. The
 * timers of a restored event are given by the housekeeping's sweep at start-up
 * ({@link EventMaintenance#sweep}).
 */
@Component
class EventStore {

	private final Store store;

	private final Collection<String, CalendarEvent> events;

	private final Index<String, String, CalendarEvent> participants;

	private final Index<String, String, CalendarEvent> statuses;

	private final Index<String, String, CalendarEvent> series;

	private final Collection<String, Long> deleted;

	private final ChangelogCollection<CalendarEvent> changelog;

	EventStore(Store store, Outbox outbox, JsonMapper mapper) {
		this.store = store;
		Codec<CalendarEvent> codec = Codec.json(mapper, CalendarEvent.class);
		this.events = store.collection("events", Codec.utf8(), codec);
		this.participants = this.events.index("participant", Codec.utf8(), CalendarEvent::recipients);
		this.statuses = this.events.index("status", Codec.utf8(), (event) -> List.of(event.status().name()));
		this.series = this.events.index("series", Codec.utf8(),
				(event) -> (event.seriesId() != null) ? List.of(event.seriesId()) : List.of());
		this.deleted = store.collection("events.deleted", Codec.utf8(), Codec.longKey());
		this.changelog = ChangelogCollection.open(Topics.CALENDAR_EVENT_CHANGELOG, store, outbox, this.events, codec);
	}

	Optional<CalendarEvent> get(ReadTxn txn, String id) {
		return this.events.get(txn, id);
	}

	Optional<CalendarEvent> get(String id) {
		return this.events.get(id);
	}

	/** Keeps a change made on this instance, and its state on the changelog. */
	void put(WriteTxn txn, CalendarEvent event) {
		this.changelog.put(txn, event.id(), event);
	}

	/** Keeps a copy of another instance's change (read back from the event topic). */
	void putReplica(WriteTxn txn, CalendarEvent event) {
		this.events.put(txn, event.id(), event);
	}

	/**
	 * Removes the event, with a tombstone on the changelog, and remembers that it was
	 * removed, so that a copy of it read back late from the topic (its creation, a
	 * change) does not bring it back.
	 */
	boolean delete(WriteTxn txn, String id, Instant now) {
		this.deleted.put(txn, id, now.toEpochMilli());
		return this.changelog.delete(txn, id);
	}

	/**
	 * Removes the event another instance removed (read back from the event topic), and
	 * remembers that it was removed.
	 */
	boolean deleteReplica(WriteTxn txn, String id, Instant at) {
		this.deleted.put(txn, id, at.toEpochMilli());
		return this.events.delete(txn, id);
	}

	/** Whether the event was removed. */
	boolean wasDeleted(ReadTxn txn, String id) {
		return this.deleted.contains(txn, id);
	}

	/**
	 * Forgets removals before the cutoff.
	 * @return how many were forgotten
	 */
	int forgetDeletedBefore(WriteTxn txn, Instant cutoff) {
		List<String> old = new java.util.ArrayList<>();
		this.deleted.forEach(txn, null, (id, at) -> {
			if (at < cutoff.toEpochMilli()) {
				old.add(id);
			}
			return true;
		});
		old.forEach((id) -> this.deleted.delete(txn, id));
		return old.size();
	}

	/**
	 * One page of the events one user takes part in (or of every event) that pass the
	 * filter.
	 */
	Page<CalendarEvent> page(String participantId, PageRequest request, Predicate<CalendarEvent> filter) {
		return this.store.read((txn) -> (participantId != null)
				? this.participants.page(txn, participantId, request, filter) : this.events.page(txn, request, filter));
	}

	/** Visits the events one user takes part in (or every event) that pass the filter. */
	void forEach(ReadTxn txn, String participantId, Predicate<CalendarEvent> filter, Consumer<CalendarEvent> visitor) {
		Consumer<CalendarEvent> filtered = (event) -> {
			if (filter.test(event)) {
				visitor.accept(event);
			}
		};
		if (participantId == null) {
			this.events.forEach(txn, null, (id, event) -> {
				filtered.accept(event);
				return true;
			});
			return;
		}
		this.participants.keys(txn, participantId).forEach((id) -> this.events.get(txn, id).ifPresent(filtered));
	}

	/** The ids of the events with a status. */
	List<String> idsWithStatus(EventStatus status) {
		return this.store.read((txn) -> this.statuses.keys(txn, status.name()));
	}

	/** The single occurrences edited out of a series. */
	List<CalendarEvent> exceptionsOf(ReadTxn txn, String seriesId) {
		return this.series.keys(txn, seriesId).stream().flatMap((id) -> this.events.get(txn, id).stream()).toList();
	}

}
