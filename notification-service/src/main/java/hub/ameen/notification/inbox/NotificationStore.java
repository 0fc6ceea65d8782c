package hub.ameen.notification.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.Keys;
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
 * <p>
 * What changes an inbox travels through
 * {@link hub.ameen.platform.events.Topics#NOTIFICATION_INBOX} first, so that every
 * instance of the service applies the same changes in the same order: a new notification
 * is {@link #announce announced} and kept when it is read back
 * ({@link #add(WriteTxn, Notification)}); a read is applied here at once and announced
 * for the other instances (applying it twice changes nothing).
 */
@Component
public class NotificationStore {

	/** A sequence number's digits in a key, zero-padded: a long's most. */
	private static final int SEQ_DIGITS = 19;

	private final Store store;

	private final Collection<String, Notification> notifications;

	private final Index<String, String, Notification> byId;

	private final Index<String, String, Notification> unreadByUser;

	private final Collection<String, UserCounters> counters;

	private final Outbox outbox;

	private final InboxPartitions partitions;

	NotificationStore(Store store, JsonMapper json, Outbox outbox, InboxPartitions partitions) {
		this.store = store;
		this.outbox = outbox;
		this.partitions = partitions;
		this.notifications = store.collection("notifications", Codec.utf8(), InboxCodecs.notifications(json));
		this.byId = this.notifications.uniqueIndex("id", Codec.utf8(), Notification::id);
		this.unreadByUser = this.notifications.index("unread", Codec.utf8(),
				(n) -> n.unread() ? List.of(n.userId()) : List.of());
		this.counters = store.collection("notifications.users", Codec.utf8(), InboxCodecs.counters(json));
	}

	static String key(String userId, long seq) {
		return userId + "/" + Keys.zeroPadded(seq, SEQ_DIGITS);
	}

	private static String prefix(String userId) {
		return userId + "/";
	}

	/**
	 * The id of the notification a source event makes for a user: the same on every
	 * instance that reads the event, and sharing its first half with the ids of the
	 * event's other recipients, so that a broadcast's entries in the id index sit
	 * together on a few pages instead of dirtying a random page each (decision 0007,
	 * twenty-eighth round). Ids kept before were name-based UUIDs of
	 * {@code notification|event|user|type}; they stay as they are.
	 */
	static String idOf(String userId, NotificationDraft draft) {
		return idsOf(draft.sourceEventId(), draft.type()).apply(userId);
	}

	/** The ids of one source event's notifications of a type, by user. */
	private static Function<String, String> idsOf(String sourceEventId, String type) {
		return Ids.grouped("notification|" + sourceEventId + "|" + type);
	}

	/**
	 * The id the same notification had from instances before ids were grouped, and from
	 * those after: the other of the two, given either. During a rolling upgrade old and
	 * new instances announce one notification under both, and an instance that reads the
	 * inbox topic from its start reads both.
	 */
	static String otherIdOf(Notification notification) {
		return Ids.isGrouped(notification.id())
				? Ids.named("notification|" + notification.sourceEventId() + "|" + notification.userId() + "|"
						+ notification.type())
				: idsOf(notification.sourceEventId(), notification.type()).apply(notification.userId());
	}

	/**
	 * Announces the draft's unread notification for each user to every instance, in the
	 * caller's transaction: one user's alone as a {@link Notification#CREATED}, many
	 * users' as one {@link Broadcast} per partition of the inbox topic, which says what
	 * they say once, so a broadcast to thousands is a few small records to relay, read
	 * back and apply, not thousands. Each broadcast record's id is made from the ids it
	 * carries: the instances that announce the same ones announce one event, and one that
	 * decided otherwise (a preference in flight) announces another, whose notifications
	 * that are kept already are skipped.
	 * @param userIds distinct recipients, at least one
	 * @return the notifications announced (sequence number 0; numbered once read back)
	 */
	public List<Notification> announce(WriteTxn txn, NotificationDraft draft, Instant at, List<String> userIds) {
		if (userIds.size() == 1) {
			Notification notification = Notification.announced(idOf(userIds.get(0), draft), userIds.get(0), draft, at);
			this.outbox.publish(txn,
					Notification.CREATED.about(notification.userId(), notification)
						.withId(notification.id())
						.at(notification.createdAt()));
			return List.of(notification);
		}
		Function<String, String> ids = idsOf(draft.sourceEventId(), draft.type());
		List<Notification> announced = userIds.stream()
			.map((userId) -> Notification.announced(ids.apply(userId), userId, draft, at))
			.toList();
		Map<Integer, List<Broadcast.Recipient>> byPartition = new TreeMap<>();
		for (Notification notification : announced) {
			byPartition.computeIfAbsent(this.partitions.of(notification.userId()), (partition) -> new ArrayList<>())
				.add(new Broadcast.Recipient(notification.id(), notification.userId()));
		}
		for (List<Broadcast.Recipient> together : byPartition.values()) {
			for (int from = 0; from < together.size(); from += Broadcast.MAX_RECIPIENTS) {
				Broadcast broadcast = new Broadcast(draft, at,
						together.subList(from, Math.min(together.size(), from + Broadcast.MAX_RECIPIENTS)));
				this.outbox.publish(txn,
						Broadcast.CREATED.about(broadcast.recipients().get(0).userId(), broadcast)
							.withIdOf(broadcast.recipients().stream().map(Broadcast.Recipient::id).toArray())
							.at(at));
			}
		}
		return announced;
	}

	/**
	 * Keeps an announced notification as unread, unless it is kept already (under this id
	 * or {@link #otherIdOf the other it may have}), numbered by where its announcement is
	 * in the user's partition of the inbox topic: one past the record's offset. Every
	 * instance reads that partition in the same order, so the number is the same on each,
	 * also on an instance that started later on an empty store; it grows with each of the
	 * user's notifications but is not contiguous (the partition holds other users'
	 * records too).
	 * @param position the offset of the announcement's first record, plus one
	 * @return the notification kept, empty if it was there
	 */
	Optional<Notification> add(WriteTxn txn, Notification announced, long position) {
		if (this.byId.contains(txn, announced.id()) || this.byId.contains(txn, otherIdOf(announced))) {
			return Optional.empty();
		}
		UserCounters next = counters(txn, announced.userId()).added(position);
		Notification notification = announced.numbered(next.lastSeq());
		this.notifications.put(txn, key(announced.userId(), next.lastSeq()), notification);
		this.counters.put(txn, announced.userId(), next);
		return Optional.of(notification);
	}

	/** The user's notification with this id, if this instance keeps it. */
	public Optional<Notification> find(String userId, String id) {
		return this.store.read((txn) -> find(txn, userId, id));
	}

	/** The user's notification with this id; empty also when it is someone else's. */
	public Optional<Notification> find(ReadTxn txn, String userId, String id) {
		return this.byId.first(txn, id).filter((n) -> n.userId().equals(userId));
	}

	/**
	 * Marks one of the user's notifications read, durably, and tells the other instances;
	 * 404 when it is not theirs.
	 */
	Mono<Notification> markRead(String userId, String id, Instant at) {
		return this.store.write((txn) -> {
			Notification found = find(txn, userId, id).orElseThrow(() -> new NotFoundException("Notification", id));
			if (found.unread()) {
				markRead(txn, userId, id, at);
				this.outbox.publish(txn, InboxChange.READ.about(userId, new InboxChange(userId, id, at)).at(at));
			}
			return found.markRead(at);
		});
	}

	/**
	 * Marks all the user's notifications read, durably, and tells the other instances;
	 * how many were unread.
	 */
	Mono<Integer> markAllRead(String userId, Instant at) {
		return this.store.write((txn) -> {
			int marked = markAllRead(txn, userId, at);
			if (marked > 0) {
				this.outbox.publish(txn, InboxChange.ALL_READ.about(userId, new InboxChange(userId, null, at)).at(at));
			}
			return marked;
		});
	}

	/**
	 * Removes all of the user's notifications and tells the other instances, in the
	 * caller's transaction; every instance that reads the deletion announces it, as one
	 * event.
	 */
	public void clear(WriteTxn txn, String userId, String causeEventId, Instant at) {
		deleteAll(txn, userId);
		this.outbox.publish(txn,
				InboxChange.CLEARED.about(userId, new InboxChange(userId, null, at))
					.withIdOf(userId, causeEventId)
					.at(at));
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
