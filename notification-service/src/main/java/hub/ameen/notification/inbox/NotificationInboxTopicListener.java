package hub.ameen.notification.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import hub.ameen.notification.preference.MutedTypes;
import hub.ameen.notification.preference.PreferenceStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#NOTIFICATION_INBOX}, which every instance of the service reads in
 * its own consumer group: keeps each announced notification (a
 * {@code notification.created}, or each of a {@code notification.broadcast}, numbered by
 * its record's offset in the user's partition, so the same on every instance, also on one
 * started later on an empty store) and tells the {@link NotificationListener}s (the
 * streams) once it is durable; applies reads ({@code notification.read},
 * {@code notification.all-read}), removals ({@code notification.inbox-cleared}) and muted
 * types ({@code notification.muted}). Each event is applied once (the inbox), and
 * applying what this instance already applied when the user asked changes nothing.
 */
@Component
class NotificationInboxTopicListener {

	private final EventHandlers handlers;

	private final NotificationStore notifications;

	private final ObjectProvider<NotificationListener> listeners;

	private final MeterRegistry meters;

	/**
	 * Where each announcement of the batch being applied is (the first record of its id):
	 * its notification's number.
	 */
	private final Map<String, Long> positions = new ConcurrentHashMap<>();

	NotificationInboxTopicListener(Inbox inbox, JsonMapper json, NotificationStore notifications,
			PreferenceStore preferences, ObjectProvider<NotificationListener> listeners, MeterRegistry meters) {
		this.notifications = notifications;
		this.listeners = listeners;
		this.meters = meters;
		this.handlers = EventHandlers.through(inbox, json)
			.on("notification.created", Notification.class, this::keep)
			.on("notification.broadcast", Broadcast.class, this::keepAll)
			.on("notification.read", InboxChange.class,
					(txn, event, change) -> notifications.markRead(txn, change.userId(), change.notificationId(),
							change.at()))
			.on("notification.all-read", InboxChange.class,
					(txn, event, change) -> notifications.markAllRead(txn, change.userId(), change.at()))
			.on("notification.inbox-cleared", InboxChange.class,
					(txn, event, change) -> notifications.deleteAll(txn, change.userId()))
			.on("notification.muted", MutedTypes.class, (txn, event, muted) -> preferences.keepMuted(txn, muted));
	}

	/**
	 * A batch at a time, its writes sharing durable commits in the order of the records:
	 * a reminder to a thousand people is a thousand records here, which one by one would
	 * be a thousand commits.
	 */
	@KafkaListener(topics = Topics.NOTIFICATION_INBOX, batch = "true")
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		List<EventEnvelope> events = records.stream().filter((record) -> record.value() != null).map((record) -> {
			this.positions.putIfAbsent(record.value().id(), record.offset() + 1);
			return record.value();
		}).toList();
		try {
			this.handlers.handleBatch(records);
		}
		finally {
			events.forEach((event) -> this.positions.remove(event.id()));
		}
	}

	private void keep(WriteTxn txn, EventEnvelope event, Notification announced) {
		this.notifications.add(txn, announced, this.positions.get(event.id()))
			.ifPresent((kept) -> txn.afterCommit(() -> created(List.of(kept))));
	}

	/**
	 * Keeps each notification of a broadcast not kept yet, all numbered by the record's
	 * place: each recipient's number still grows, since the record is in every
	 * recipient's partition.
	 */
	private void keepAll(WriteTxn txn, EventEnvelope event, Broadcast broadcast) {
		long position = this.positions.get(event.id());
		List<Notification> kept = new ArrayList<>(broadcast.notifications().size());
		for (Notification announced : broadcast.notifications()) {
			this.notifications.add(txn, announced, position).ifPresent(kept::add);
		}
		if (!kept.isEmpty()) {
			txn.afterCommit(() -> created(kept));
		}
	}

	private void created(List<Notification> kept) {
		Map<String, Long> byType = kept.stream()
			.collect(Collectors.groupingBy(Notification::type, Collectors.counting()));
		byType.forEach((type, count) -> Counter.builder("hub.notifications.created")
			.description("Notifications created")
			.tag("type", type)
			.register(this.meters)
			.increment(count));
		this.listeners.orderedStream().forEach((listener) -> listener.created(kept));
	}

}
