package hub.ameen.platform.web;

import io.prometheus.metrics.tracer.common.SpanContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * No exemplars in {@code /actuator/prometheus}. With tracing on, Boot would attach trace
 * ids to samples, and the Prometheus client writes some on {@code _count} lines, which
 * OpenMetrics does not allow: Prometheus 2.42 (Debian's) then refuses the whole scrape.
 * Traces are found from logs instead (every line carries its trace id).
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration")
@ConditionalOnClass(name = "io.prometheus.metrics.tracer.common.SpanContext")
public class NoExemplarsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpanContext hubNoExemplars() {
		return new SpanContext() {

			@Override
			public String getCurrentTraceId() {
				return null;
			}

			@Override
			public String getCurrentSpanId() {
				return null;
			}

			@Override
			public boolean isCurrentSpanSampled() {
				return false;
			}

			@Override
			public void markCurrentSpanAsExemplar() {
			}

		};
	}

}
