package hub.ameen.platform.web.logging;

import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A Commons Logging {@link Log} over an SLF4J logger that turns a message into text only
 * once its level is known to be on. Fatal is logged as error, as SLF4J has no fatal.
 */
final class LevelCheckingLog implements Log {

	private static final String FQCN = LevelCheckingLog.class.getName();

	private final Logger logger;

	LevelCheckingLog(Logger logger) {
		this.logger = logger;
	}

	@Override
	public boolean isTraceEnabled() {
		return this.logger.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return this.logger.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return this.logger.isInfoEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return this.logger.isWarnEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public boolean isFatalEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public void trace(Object message) {
		trace(message, null);
	}

	@Override
	public void trace(Object message, Throwable error) {
		if (this.logger.isTraceEnabled()) {
			log(LocationAwareLogger.TRACE_INT, message, error);
		}
	}

	@Override
	public void debug(Object message) {
		debug(message, null);
	}

	@Override
	public void debug(Object message, Throwable error) {
		if (this.logger.isDebugEnabled()) {
			log(LocationAwareLogger.DEBUG_INT, message, error);
		}
	}

	@Override
	public void info(Object message) {
		info(message, null);
	}

	@Override
	public void info(Object message, Throwable error) {
		if (this.logger.isInfoEnabled()) {
			log(LocationAwareLogger.INFO_INT, message, error);
		}
	}

	@Override
	public void warn(Object message) {
		warn(message, null);
	}

	@Override
	public void warn(Object message, Throwable error) {
		if (this.logger.isWarnEnabled()) {
			log(LocationAwareLogger.WARN_INT, message, error);
		}
	}

	@Override
	public void error(Object message) {
		error(message, null);
	}

	@Override
	public void error(Object message, Throwable error) {
		if (this.logger.isErrorEnabled()) {
			log(LocationAwareLogger.ERROR_INT, message, error);
		}
	}

	@Override
	public void fatal(Object message) {
		error(message, null);
	}

	@Override
	public void fatal(Object message, Throwable error) {
		error(message, error);
	}

	private void log(int level, Object message, Throwable error) {
		String text = String.valueOf(message);
		if (this.logger instanceof LocationAwareLogger located) {
			// the caller's class and line, not this one's
			located.log(null, FQCN, level, text, null, error);
			return;
		}
		switch (level) {
			case LocationAwareLogger.TRACE_INT -> this.logger.trace(text, error);
			case LocationAwareLogger.DEBUG_INT -> this.logger.debug(text, error);
			case LocationAwareLogger.INFO_INT -> this.logger.info(text, error);
			case LocationAwareLogger.WARN_INT -> this.logger.warn(text, error);
			default -> this.logger.error(text, error);
		}
	}

}
