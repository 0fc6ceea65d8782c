package hub.ameen.platform.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The broker reads its heap give-back's quiet period in the forms the services' Spring
 * binding reads from the same variable.
 */
class LocalKafkaSettingsTests {

	@Test
	void readsADurationAsSpringDoes() {
		assertThat(LocalKafkaSettings.duration("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(LocalKafkaSettings.duration("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(LocalKafkaSettings.duration("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(LocalKafkaSettings.duration("PT15S")).isEqualTo(Duration.ofSeconds(15));
		assertThat(LocalKafkaSettings.duration("250")).as("no unit: milliseconds").isEqualTo(Duration.ofMillis(250));
		assertThat(LocalKafkaSettings.duration("0")).isZero();
	}

	@Test
	void readsTheGiveBacksInitialDelayFromTheServicesVariable() {
		assertThat(LocalKafkaSettings.fromEnvironment().heapGiveBackInitialDelay()).as("unset")
			.isEqualTo(Duration.ofSeconds(60));
		System.setProperty("HUB_MEMORY_GIVEBACK_INITIALDELAY", "15s");
		try {
			assertThat(LocalKafkaSettings.fromEnvironment().heapGiveBackInitialDelay()).hasSeconds(15);
		}
		finally {
			System.clearProperty("HUB_MEMORY_GIVEBACK_INITIALDELAY");
		}
	}

	@Test
	void refusesWhatIsNotADuration() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalKafkaSettings.duration("ten seconds"));
		assertThatIllegalArgumentException().isThrownBy(() -> LocalKafkaSettings.duration("-5s"));
	}

}
