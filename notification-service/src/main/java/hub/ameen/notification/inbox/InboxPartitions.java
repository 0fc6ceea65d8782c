package hub.ameen.notification.inbox;

import java.nio.charset.StandardCharsets;

import hub.ameen.platform.events.Topics;
import org.apache.kafka.common.utils.Utils;

import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Which partition of {@link Topics#NOTIFICATION_INBOX} holds a user's records: the one
 * the producer picks for a record keyed by the user's id (murmur2 of the key's bytes,
 * modulo the topic's partitions). A {@link Broadcast} holds only users of one partition
 * and is keyed by one of them, so that each user's notifications stay in one partition's
 * order, whichever record announced them.
 */
@Component
class InboxPartitions {

	private final KafkaAdmin admin;

	/** The topic's partitions, asked once: 0 until then. */
	private volatile int count;

	InboxPartitions(KafkaAdmin admin) {
		this.admin = admin;
	}

	int of(String userId) {
		return Utils.toPositive(Utils.murmur2(userId.getBytes(StandardCharsets.UTF_8))) % count();
	}

	private int count() {
		int known = this.count;
		if (known == 0) {
			known = this.admin.describeTopics(Topics.NOTIFICATION_INBOX)
				.get(Topics.NOTIFICATION_INBOX)
				.partitions()
				.size();
			this.count = known;
		}
		return known;
	}

}
