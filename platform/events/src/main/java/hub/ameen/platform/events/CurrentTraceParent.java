package hub.ameen.platform.events;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The current span as a W3C {@code traceparent} ({@code 00-<trace>-<span>-<flags>}), or
 * null where no span is current: what an {@link Outbox} entry keeps so that the event's
 * consumer continues the trace of the request that caused it.
 */
final class CurrentTraceParent implements Supplier<String> {

	private final Tracer tracer;

	CurrentTraceParent(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public String get() {
		Span span = this.tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

}
