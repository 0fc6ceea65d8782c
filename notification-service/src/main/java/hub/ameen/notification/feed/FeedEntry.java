package hub.ameen.notification.feed;

import hub.ameen.platform.store.Keys;
import java.time.Instant;
import java.util.List;

/**
 * One thing that happened, as the feed shows it.
 *
 * @param id the entry's id: its time (epoch milliseconds, 13 digits) then the source
 * event's id, so that ids sort by time and one event gives one entry; also the cursor
 * @param type what happened, one of {@link #TYPES}
 * @param actorId who did it, null for the system
 * @param at when it happened (the source event's {@code occurredAt})
 * @param about the record it is about
 * @param summary one line saying what happened
 * @param link where in the web app the record is
 */
public record FeedEntry(String id, String type, String actorId, Instant at, About about, String summary, String link) {

	/** Every type of entry, each {@code <record>.<what happened>}. */
	public static final List<String> TYPES = List.of("contact.created", "contact.changed", "company.created",
			"company.changed", "deal.created", "deal.changed", "deal.moved", "deal.won", "task.created",
			"task.assigned", "task.commented", "task.completed", "event.scheduled", "event.changed", "user.joined");

	/** The id of the entry made from an event that happened at this time. */
	static String idOf(Instant at, String eventId) {
		return Keys.zeroPadded(at.toEpochMilli(), 13) + "-" + eventId;
	}

	/** What kind of record the type is about: the part before the dot. */
	static String kindOf(String type) {
		return type.substring(0, type.indexOf('.'));
	}

	/**
	 * The record an entry is about.
	 *
	 * @param kind {@code contact}, {@code company}, {@code deal}, {@code task},
	 * {@code event} or {@code user}
	 * @param id its id
	 * @param title its name or title as the event told it
	 */
	public record About(String kind, String id, String title) {
	}

}
