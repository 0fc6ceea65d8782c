package hub.ameen.platform.web.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;

/**
 * Micrometer's {@code logback.events} counters (one per level, the events logged at it),
 * counted by an appender on the root logger instead of Micrometer's turbo filter.
 * <p>
 * A turbo filter is asked before every level check, {@code isDebugEnabled()} included,
 * and a request runs dozens of those, nearly all answered "off": 1.5–2 % of the gateway's
 * CPU a proxied call, ~1 % of a service's (decision 0007, twenty-first round). An
 * appender sees only the events that are logged. Every logger of ours and of Boot's
 * default configuration is additive, so each event still reaches the root and is counted
 * once.
 * <p>
 * A bean of this type takes the place of Boot's {@code LogbackMetrics}. The appender is
 * put back if the logging context is reset (as a reconfiguration does).
 */
public class LogEventCounts extends LogbackMetrics {

	static final String APPENDER = "hub-log-event-counts";

	private static final String NAME = "logback.events";

	private static final String DESCRIPTION = "Number of log events that were enabled by the effective log level";

	private final LoggerContext context;

	private final Map<MeterRegistry, Counting> appenders = new ConcurrentHashMap<>();

	private final Reattach reattach = new Reattach();

	public LogEventCounts(LoggerContext context) {
		super(List.of(), context);
		this.context = context;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.appenders.computeIfAbsent(registry, (meters) -> {
			Counting appender = new Counting(meters);
			appender.setContext(this.context);
			appender.setName(APPENDER);
			appender.start();
			root().addAppender(appender);
			return appender;
		});
		if (!this.context.getCopyOfListenerList().contains(this.reattach)) {
			this.context.addListener(this.reattach);
		}
	}

	@Override
	public void close() {
		this.context.removeListener(this.reattach);
		this.appenders.values().forEach((appender) -> {
			root().detachAppender(appender);
			appender.stop();
		});
		this.appenders.clear();
	}

	private Logger root() {
		return this.context.getLogger(Logger.ROOT_LOGGER_NAME);
	}

	private static final class Counting extends UnsynchronizedAppenderBase<ILoggingEvent> {

		private final Counter error;

		private final Counter warn;

		private final Counter info;

		private final Counter debug;

		private final Counter trace;

		Counting(MeterRegistry meters) {
			this.error = counter(meters, "error");
			this.warn = counter(meters, "warn");
			this.info = counter(meters, "info");
			this.debug = counter(meters, "debug");
			this.trace = counter(meters, "trace");
		}

		private static Counter counter(MeterRegistry meters, String level) {
			return Counter.builder(NAME).tag("level", level).description(DESCRIPTION).register(meters);
		}

		@Override
		protected void append(ILoggingEvent event) {
			switch (event.getLevel().toInt()) {
				case Level.ERROR_INT -> this.error.increment();
				case Level.WARN_INT -> this.warn.increment();
				case Level.INFO_INT -> this.info.increment();
				case Level.DEBUG_INT -> this.debug.increment();
				case Level.TRACE_INT -> this.trace.increment();
				default -> {
				}
			}
		}

	}

	/** Puts the appenders back on the root logger after a reset, which detaches them. */
	private final class Reattach implements LoggerContextListener {

		@Override
		public boolean isResetResistant() {
			return true;
		}

		@Override
		public void onReset(LoggerContext context) {
			LogEventCounts.this.appenders.values().forEach((appender) -> {
				if (!root().isAttached(appender)) {
					appender.start();
					root().addAppender(appender);
				}
			});
		}

		@Override
		public void onStart(LoggerContext context) {
		}

		@Override
		public void onStop(LoggerContext context) {
		}

		@Override
		public void onLevelChange(Logger logger, Level level) {
		}

	}

}
