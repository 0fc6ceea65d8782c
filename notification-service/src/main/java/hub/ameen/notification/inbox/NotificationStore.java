package hub.ameen.notification.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Notifications keyed {@code userId/seq} (the sequence zero-padded so that key order is
 * sequence order), indexed by id and, while unread, by user; and each user's counters
 * (last sequence number, unread count), all changed in the same transaction.
 */
@Component
public class NotificationStore {

	private final Store store;

	private final Collection<String, Notification> notifications;

	private final Index<String, String, Notification> byId;

	private final Index<String, String, Notification> unreadByUser;

	private final Collection<String, UserCounters> counters;

	NotificationStore(Store store, JsonMapper json) {
		this.store = store;
		this.notifications = store.collection("notifications", Codec.utf8(), Codec.json(json, Notification.class));
		this.byId = this.notifications.uniqueIndex("id", Codec.utf8(), Notification::id);
		this.unreadByUser = this.notifications.index("unread", Codec.utf8(),
				(n) -> n.unread() ? List.of(n.userId()) : List.of());
		this.counters = store.collection("notifications.users", Codec.utf8(), Codec.json(json, UserCounters.class));
	}

	static String key(String userId, long seq) {
		return prefix(userId) + "%019d".formatted(seq);
	}

	private static String prefix(String userId) {
		return userId + "/";
	}

	/** Adds an unread notification with the user's next sequence number. */
	public Notification add(WriteTxn txn, String userId, NotificationDraft draft, Instant at) {
		UserCounters next = counters(txn, userId).added();
		Notification notification = new Notification(Ids.next(), userId, next.lastSeq(), draft.type(), draft.title(),
				draft.body(), draft.link(), at, null, draft.sourceEventId(), draft.eventAt());
		this.notifications.put(txn, key(userId, next.lastSeq()), notification);
		this.counters.put(txn, userId, next);
		return notification;
	}

	/** The user's notification with this id; empty also when it is someone else's. */
	public Optional<Notification> find(ReadTxn txn, String userId, String id) {
		return this.byId.first(txn, id).filter((n) -> n.userId().equals(userId));
	}

	/**
	 * Marks one of the user's notifications read; empty when the user has no such one.
	 */
	/** Marks one of the user's notifications read, durably; 404 when it is not theirs. */
	Mono<Notification> markRead(String userId, String id, Instant at) {
		return this.store
			.write((txn) -> markRead(txn, userId, id, at).orElseThrow(() -> new NotFoundException("Notification", id)));
	}

	/** Marks all the user's notifications read, durably; how many were unread. */
	Mono<Integer> markAllRead(String userId, Instant at) {
		return this.store.write((txn) -> markAllRead(txn, userId, at));
	}

	public Optional<Notification> markRead(WriteTxn txn, String userId, String id, Instant at) {
		return find(txn, userId, id).map((found) -> {
			if (found.unread()) {
				this.notifications.put(txn, key(userId, found.seq()), found.markRead(at));
				this.counters.put(txn, userId, counters(txn, userId).read(1));
			}
			return found.markRead(at);
		});
	}

	/** Marks all of the user's notifications read; returns how many were unread. */
	public int markAllRead(WriteTxn txn, String userId, Instant at) {
		List<String> keys = this.unreadByUser.keys(txn, userId);
		for (String key : keys) {
			this.notifications.get(txn, key).ifPresent((n) -> this.notifications.put(txn, key, n.markRead(at)));
		}
		this.counters.put(txn, userId, counters(txn, userId).allRead());
		return keys.size();
	}

	/**
	 * Removes all of the user's notifications and counters; returns how many there were.
	 */
	public int deleteAll(WriteTxn txn, String userId) {
		List<String> keys = new ArrayList<>();
		this.notifications.forEachWithPrefix(txn, prefix(userId), null, (key, n) -> keys.add(key));
		keys.forEach((key) -> this.notifications.delete(txn, key));
		this.counters.delete(txn, userId);
		return keys.size();
	}

	public long unreadCount(String userId) {
		return this.store.read((txn) -> counters(txn, userId).unread());
	}

	/** The sequence number of the user's newest notification, 0 for none. */
	public long lastSeq(String userId) {
		return this.store.read((txn) -> counters(txn, userId).lastSeq());
	}

	private UserCounters counters(ReadTxn txn, String userId) {
		return this.counters.get(txn, userId).orElse(UserCounters.NONE);
	}

	/** One page of the user's notifications, newest first. */
	public Page<Notification> page(String userId, PageRequest request, boolean unreadOnly) {
		PageRequest newestFirst = request.descendingOrder();
		return this.store.read((txn) -> unreadOnly ? this.unreadByUser.page(txn, userId, newestFirst, (n) -> true)
				: this.notifications.page(txn, prefix(userId), newestFirst, (n) -> true));
	}

	/**
	 * The user's notifications numbered after {@code seq}, oldest first, at most
	 * {@code max}: what a stream missed.
	 */
	public List<Notification> after(String userId, long seq, int max) {
		return this.store.read((txn) -> {
			List<Notification> missed = new ArrayList<>(Math.min(max, 256));
			this.notifications.forEachWithPrefix(txn, prefix(userId), key(userId, seq), (key, n) -> {
				missed.add(n);
				return missed.size() < max;
			});
			return missed;
		});
	}

}
