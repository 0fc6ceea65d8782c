package hub.ameen.platform.web.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service counts its log events by level, as Boot's {@code LogbackMetrics} did, without
 * a turbo filter asked at every level check.
 */
class LogEventCountsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withBean(SimpleMeterRegistry.class)
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, LogEventCountsAutoConfiguration.class,
				LogbackMetricsAutoConfiguration.class));

	@Test
	void eachLoggedEventIsCountedAtItsLevelAndNoTurboFilterIsAsked() {
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		// other tests' contexts, still cached, may have theirs
		int before = countingAppenders(logging);
		this.runner.run((context) -> {
			assertThat(countingAppenders(logging)).isEqualTo(before + 1);
			assertThat(context).getBean(LogbackMetrics.class).isInstanceOf(LogEventCounts.class);
			assertThat(context).hasSingleBean(LogbackMetrics.class);
			assertThat(logging.getTurboFilterList()).noneMatch(
					(filter) -> filter.getClass().getPackageName().equals(LogbackMetrics.class.getPackageName()));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			double warnings = count(meters, "warn");
			double debugs = count(meters, "debug");

			org.slf4j.Logger logger = LoggerFactory.getLogger("hub.test.log-event-counts");
			logging.getLogger("hub.test.log-event-counts").setLevel(Level.INFO);
			logger.warn("counted");
			logger.warn("counted too");
			logger.debug("off at this level");

			assertThat(count(meters, "warn")).isEqualTo(warnings + 2);
			assertThat(count(meters, "debug")).isEqualTo(debugs);
		});
		// the context closed: its appender is gone from the root logger
		assertThat(countingAppenders(logging)).isEqualTo(before);
	}

	@Test
	void eventsAreStillCountedAfterTheLoggingContextIsReset() {
		LoggerContext logging = new LoggerContext();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		LogEventCounts counts = new LogEventCounts(logging);
		counts.bindTo(meters);

		logging.getLogger("a").error("one");
		logging.reset();
		logging.getLogger("a").error("two");
		assertThat(count(meters, "error")).isEqualTo(2);

		counts.close();
		logging.getLogger("a").error("three");
		assertThat(count(meters, "error")).isEqualTo(2);
	}

	private static int countingAppenders(LoggerContext logging) {
		int count = 0;
		for (var appenders = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders(); appenders
			.hasNext();) {
			count += LogEventCounts.APPENDER.equals(appenders.next().getName()) ? 1 : 0;
		}
		return count;
	}

	private static double count(MeterRegistry meters, String level) {
		return meters.get("logback.events").tag("level", level).counter().count();
	}

}
