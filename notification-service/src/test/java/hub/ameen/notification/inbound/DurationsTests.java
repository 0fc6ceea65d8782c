package hub.ameen.notification.inbound;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTests {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void phrasesTheTimeBetweenTwoInstants() {
		assertThat(Durations.relative(NOW, NOW.plusSeconds(20))).isEqualTo("now");
		assertThat(Durations.relative(NOW, NOW.plusSeconds(3599))).isEqualTo("in 1 hour");
		assertThat(Durations.relative(NOW, NOW.plus(Duration.ofMinutes(1)))).isEqualTo("in 1 minute");
		assertThat(Durations.relative(NOW, NOW.plus(Duration.ofMinutes(15)))).isEqualTo("in 15 minutes");
		assertThat(Durations.relative(NOW, NOW.plus(Duration.ofMinutes(60)))).isEqualTo("in 1 hour");
		assertThat(Durations.relative(NOW, NOW.plus(Duration.ofMinutes(125)))).isEqualTo("in 2 hours 5 minutes");
		assertThat(Durations.relative(NOW, NOW.plus(Duration.ofDays(3)))).isEqualTo("in 3 days");
		assertThat(Durations.relative(NOW, NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
	}

}
