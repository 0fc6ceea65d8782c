package hub.ameen.platform.web.logging;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@link LogEventCounts} in place of Boot's {@code LogbackMetrics}, wherever Boot would
 * have registered that: the actuator's metrics, a meter registry, and Logback.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" },
		beforeName = "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration")
@ConditionalOnClass(name = { "ch.qos.logback.classic.LoggerContext",
		"org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration" })
@ConditionalOnBean(MeterRegistry.class)
@Conditional(LogEventCountsAutoConfiguration.OnLogback.class)
public class LogEventCountsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LogbackMetrics.class)
	LogEventCounts hubLogEventCounts() {
		return new LogEventCounts((LoggerContext) LoggerFactory.getILoggerFactory());
	}

	/** SLF4J is bound to Logback. */
	static class OnLogback implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
		}

	}

}
