package hub.ameen.notification.inbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification's key is its user and its sequence number zero-padded, so that key order
 * is sequence order within a user's notifications.
 */
class NotificationKeysTests {

	@Test
	void keysArePaddedToALongsDigitsSoTheySortBySequence() {
		assertThat(NotificationStore.key("u1", 0)).isEqualTo("u1/0000000000000000000");
		assertThat(NotificationStore.key("u1", 42)).isEqualTo("u1/0000000000000000042");
		assertThat(NotificationStore.key("u1", Long.MAX_VALUE)).isEqualTo("u1/" + Long.MAX_VALUE);
		List<String> keys = List.of(NotificationStore.key("u1", 9), NotificationStore.key("u1", 10),
				NotificationStore.key("u1", 1_000_000_007L));
		assertThat(keys).isSorted();
	}

}
