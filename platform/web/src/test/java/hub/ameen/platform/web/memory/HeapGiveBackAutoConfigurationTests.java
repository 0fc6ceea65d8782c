package hub.ameen.platform.web.memory;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service has a heap give-back, with settings it reads when it runs (what it does:
 * platform-jvm's {@code HeapGiveBackTests}).
 */
class HeapGiveBackAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HeapGiveBackAutoConfiguration.class));

	@Test
	void everyServiceHasOneStartedWithTheContext() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HeapGiveBackLifecycle.class);
			assertThat(context.getBean(HeapGiveBackLifecycle.class).isRunning()).isTrue();
			HeapGiveBackProperties properties = context.getBean(HeapGiveBackProperties.class);
			assertThat(properties.quietPeriod()).hasSeconds(10);
			assertThat(properties.quietCpu()).isEqualTo(0.1);
			assertThat(properties.minGrowth().toMegabytes()).isEqualTo(16);
			assertThat(properties.initialDelay()).hasSeconds(60);
		});
	}

	@Test
	void itsFirstLookWaitsAsLongAsTheServiceIsTold() {
		this.runner.withPropertyValues("hub.memory.give-back.initial-delay=2m")
			.run((context) -> assertThat(context.getBean(HeapGiveBackProperties.class).initialDelay()).hasMinutes(2));
	}

	@Test
	void aQuietPeriodOfZeroTurnsItOff() {
		this.runner.withPropertyValues("hub.memory.give-back.quiet-period=0")
			.run((context) -> assertThat(context.getBean(HeapGiveBackLifecycle.class).isLooking()).isFalse());
	}

	@Test
	void aShareOfTheCpuAboveOneCoreIsRefused() {
		this.runner.withPropertyValues("hub.memory.give-back.quiet-cpu=2")
			.run((context) -> assertThat(context).hasFailed());
	}

}
