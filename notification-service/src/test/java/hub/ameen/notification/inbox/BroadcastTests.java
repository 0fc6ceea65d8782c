package hub.ameen.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notification for many users travels as a few {@code notification.broadcast} records,
 * one per partition of the inbox topic (at most {@link Broadcast#MAX_RECIPIENTS} each),
 * and numbers each user's notification as a record of the user's own would be.
 */
class BroadcastTests extends ServiceTestSupport {

	private static final int USERS = 900;

	/** Where a record of the inbox topic is, and what it carries. */
	private record Placed(int partition, long offset, EventEnvelope event) {
	}

	@Test
	void aNotificationForManyIsARecordPerPartitionAndEachIsNumberedInItsUsersPartition() {
		List<String> users = IntStream.range(0, USERS).mapToObj((i) -> newUser()).toList();
		NotificationDraft everyone = draft("All hands");
		List<Notification> announced = this.store.writeAndWait((txn) -> this.notifier.notify(txn, everyone, users));
		assertThat(announced).hasSize(USERS);
		Map<String, Notification> broadcastKept = awaitKept(announced);

		// then a notification for each alone, which the producer places by its key
		NotificationDraft alone = draft("One to one");
		List<Notification> singles = this.store.writeAndWait((txn) -> {
			List<Notification> made = new ArrayList<>();
			users.forEach((user) -> made.addAll(this.notifier.notify(txn, alone, List.of(user))));
			return made;
		});
		Map<String, Notification> singleKept = awaitKept(singles);

		Set<String> broadcastIds = ids(announced);
		Set<String> singleIds = ids(singles);
		// one event's notifications have ids with the same first half, so that they sit
		// together in the id index; the second half is the user's
		assertThat(broadcastIds).hasSize(USERS).allMatch((id) -> id.startsWith(groupOf(announced.get(0).id())));
		assertThat(singleIds).hasSize(USERS)
			.allMatch((id) -> id.startsWith(groupOf(singles.get(0).id())))
			.noneMatch((id) -> id.startsWith(groupOf(announced.get(0).id())));
		List<Placed> records = new ArrayList<>();
		try (TopicReader inbox = new TopicReader(Topics.NOTIFICATION_INBOX)) {
			inbox.awaitUntil((all) -> {
				records.clear();
				all.stream()
					.map(this::placed)
					.filter((placed) -> carriesAny(placed, broadcastIds, singleIds))
					.forEach(records::add);
				return records.stream()
					.filter((placed) -> placed.event().type().equals("notification.created"))
					.count() == USERS;
			});
		}

		List<Placed> broadcasts = records.stream()
			.filter((placed) -> placed.event().type().equals("notification.broadcast"))
			.toList();
		Map<String, Placed> broadcastOf = new HashMap<>();
		Map<Integer, Integer> usersByPartition = new HashMap<>();
		for (Placed placed : broadcasts) {
			assertThat(placed.event().version()).isEqualTo(2);
			// what the notifications say travels once, beside each recipient's id and
			// user
			assertThat(placed.event().payload().properties()).extracting(Map.Entry::getKey)
				.containsExactlyInAnyOrder("draft", "createdAt", "recipients");
			assertThat(placed.event().payload().get("recipients").get(0).properties()).extracting(Map.Entry::getKey)
				.containsExactlyInAnyOrder("id", "userId");
			List<Notification> carried = placed.event().payloadAs(Broadcast.class, this.json).notifications();
			assertThat(carried).hasSizeLessThanOrEqualTo(Broadcast.MAX_RECIPIENTS);
			assertThat(carried).allMatch((n) -> n.seq() == 0 && n.sourceEventId().equals(everyone.sourceEventId()));
			carried.forEach((n) -> assertThat(broadcastOf.put(n.userId(), placed)).as("announced once").isNull());
			usersByPartition.merge(placed.partition(), carried.size(), Integer::sum);
		}
		assertThat(broadcastOf).hasSize(USERS);
		// one record per partition, and one more for each further MAX_RECIPIENTS users
		assertThat(broadcasts).hasSize(usersByPartition.values()
			.stream()
			.mapToInt((count) -> (count + Broadcast.MAX_RECIPIENTS - 1) / Broadcast.MAX_RECIPIENTS)
			.sum());
		assertThat(broadcasts).hasSizeGreaterThan(usersByPartition.size());

		for (Placed single : records) {
			if (!single.event().type().equals("notification.created")) {
				continue;
			}
			String user = single.event().key();
			Placed broadcast = broadcastOf.get(user);
			assertThat(broadcast.partition()).as("the partition of %s's own records", user)
				.isEqualTo(single.partition());
			assertThat(broadcastKept.get(user).seq()).isEqualTo(broadcast.offset() + 1);
			assertThat(singleKept.get(user).seq()).isEqualTo(single.offset() + 1)
				.isGreaterThan(broadcastKept.get(user).seq());
		}
	}

	@Test
	void aBroadcastAnnouncedAgainKeepsEachNotificationOnceUnderItsFirstNumber() {
		List<String> users = IntStream.range(0, 20).mapToObj((i) -> newUser()).toList();
		NotificationDraft draft = draft("Twice");
		List<Notification> first = this.store.writeAndWait((txn) -> this.notifier.notify(txn, draft, users));
		Map<String, Notification> kept = awaitKept(first);
		// another instance announces the same, and one more that decided otherwise for
		// one user: nothing is kept twice, nothing is renumbered
		this.store.writeAndWait((txn) -> this.notifier.notify(txn, draft, users));
		this.store.writeAndWait((txn) -> this.notifier.notify(txn, draft, users.subList(1, users.size())));
		// each user's next notification comes after those records in the user's partition
		NotificationDraft next = draft("Next");
		Map<String, Notification> later = awaitKept(this.store.writeAndWait((txn) -> {
			List<Notification> made = new ArrayList<>();
			users.forEach((user) -> made.addAll(this.notifier.notify(txn, next, List.of(user))));
			return made;
		}));
		for (String user : users) {
			assertThat(this.notifications.after(user, 0, 10)).containsExactly(kept.get(user), later.get(user));
		}
	}

	@Test
	void aVersion1BroadcastFromAnInstanceNotYetUpgradedIsKeptAsAVersion2OneWouldBe() {
		String user = newUser();
		NotificationDraft draft = draft("From an older instance");
		Instant at = Instant.now();
		Notification announced = new Notification(NotificationStore.idOf(user, draft), user, 0, draft.type(),
				draft.title(), draft.body(), draft.link(), at, null, draft.sourceEventId(), draft.eventAt());
		publish(Topics.NOTIFICATION_INBOX, new EventEnvelope(UUID.randomUUID().toString(), "notification.broadcast", 1,
				at, user, null, this.json.valueToTree(Map.of("notifications", List.of(announced)))));
		Notification kept = awaitKept(List.of(announced)).get(user);
		assertThat(kept.seq()).isPositive();
		assertThat(kept).isEqualTo(announced.numbered(kept.seq()));
	}

	@Test
	void aNotificationAnnouncedUnderItsIdFromBeforeIdsWereGroupedIsKeptOnce() {
		// an instance not yet upgraded names a notification by the name-based UUID of
		// event, user and type; an upgraded one by the grouped id; whichever comes first
		// is kept, the other skipped, as a rolling upgrade or a replay of the topic reads
		// both
		String olderFirst = newUser();
		String newerFirst = newUser();
		NotificationDraft draft = draft("Across an upgrade");
		Notification older = announcedByAnOlderInstance(olderFirst, draft);
		publish(Topics.NOTIFICATION_INBOX, created(older));
		Notification keptOlder = awaitKept(List.of(older)).get(olderFirst);
		List<Notification> grouped = this.store
			.writeAndWait((txn) -> this.notifier.notify(txn, draft, List.of(olderFirst, newerFirst)));
		Map<String, Notification> keptNewer = awaitKept(
				grouped.stream().filter((n) -> n.userId().equals(newerFirst)).toList());
		publish(Topics.NOTIFICATION_INBOX, created(announcedByAnOlderInstance(newerFirst, draft)));

		NotificationDraft next = draft("Next");
		Map<String, Notification> later = awaitKept(
				this.store.writeAndWait((txn) -> this.notifier.notify(txn, next, List.of(olderFirst, newerFirst))));
		// each user's records are read in order: once the next is kept, the others were
		// read
		assertThat(keptOlder.id()).isNotEqualTo(NotificationStore.idOf(olderFirst, draft));
		assertThat(this.notifications.after(olderFirst, 0, 10)).containsExactly(keptOlder, later.get(olderFirst));
		assertThat(this.notifications.after(newerFirst, 0, 10)).containsExactly(keptNewer.get(newerFirst),
				later.get(newerFirst));
	}

	@Test
	void aVersion1BroadcastWhoseNotificationsSayDifferentThingsIsRefused() {
		String user = newUser();
		NotificationDraft draft = draft("Mixed");
		Instant at = Instant.now();
		Notification one = new Notification("a", user, 0, draft.type(), draft.title(), draft.body(), draft.link(), at,
				null, draft.sourceEventId(), draft.eventAt());
		Notification other = new Notification("b", newUser(), 0, draft.type(), "Another title", draft.body(),
				draft.link(), at, null, draft.sourceEventId(), draft.eventAt());
		EventEnvelope mixed = new EventEnvelope(UUID.randomUUID().toString(), "notification.broadcast", 1, at, user,
				null, this.json.valueToTree(Map.of("notifications", List.of(one, other))));
		assertThatThrownBy(() -> mixed.payloadAs(Broadcast.class, this.json))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
	}

	/** The notification as instances named it before ids were grouped. */
	private static Notification announcedByAnOlderInstance(String user, NotificationDraft draft) {
		String id = UUID
			.nameUUIDFromBytes(("notification|" + draft.sourceEventId() + "|" + user + "|" + draft.type())
				.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
		return new Notification(id, user, 0, draft.type(), draft.title(), draft.body(), draft.link(), Instant.now(),
				null, draft.sourceEventId(), draft.eventAt());
	}

	private EventEnvelope created(Notification announced) {
		return new EventEnvelope(announced.id(), "notification.created", 1, announced.createdAt(), announced.userId(),
				null, this.json.valueToTree(announced));
	}

	private static NotificationDraft draft(String title) {
		return new NotificationDraft("reminder.due", title, "Starts in 15 minutes", "/calendar",
				UUID.randomUUID().toString(), Instant.now());
	}

	private Map<String, Notification> awaitKept(List<Notification> announced) {
		Map<String, Notification> kept = new HashMap<>();
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			for (Notification notification : announced) {
				if (!kept.containsKey(notification.userId())) {
					Optional<Notification> found = this.notifications.find(notification.userId(), notification.id());
					found.ifPresent((n) -> kept.put(n.userId(), n));
				}
			}
			return kept.size() == announced.size();
		});
		return kept;
	}

	/** The first half of a notification's id: its source event's and type's. */
	private static String groupOf(String id) {
		return id.substring(0, 19);
	}

	private static Set<String> ids(List<Notification> notifications) {
		return Set.copyOf(notifications.stream().map(Notification::id).toList());
	}

	private Placed placed(ConsumerRecord<String, byte[]> record) {
		return new Placed(record.partition(), record.offset(),
				this.json.readValue(record.value(), EventEnvelope.class));
	}

	private boolean carriesAny(Placed placed, Set<String> broadcastIds, Set<String> singleIds) {
		return switch (placed.event().type()) {
			case "notification.created" -> singleIds.contains(placed.event().id());
			case "notification.broadcast" -> placed.event()
				.payloadAs(Broadcast.class, this.json)
				.notifications()
				.stream()
				.anyMatch((n) -> broadcastIds.contains(n.id()));
			default -> false;
		};
	}

}
