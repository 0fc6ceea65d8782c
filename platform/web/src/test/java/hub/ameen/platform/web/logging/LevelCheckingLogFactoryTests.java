package hub.ameen.platform.web.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LevelCheckingLogFactoryTests {

	@Test
	void springsLogLinesGoThroughIt() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
		assertThat(LogFactory.getLog(LevelCheckingLogFactoryTests.class)).isInstanceOf(LevelCheckingLog.class);
	}

	@Test
	void aMessageBelowTheLevelIsNeverTurnedIntoTextAndOneAtItReachesLogbackFromItsCaller() {
		Logger logback = (Logger) LoggerFactory.getLogger("hub.test.levels");
		logback.setLevel(Level.INFO);
		ListAppender<ILoggingEvent> appender = new ListAppender<>() {

			@Override
			protected void append(ILoggingEvent event) {
				event.getCallerData(); // where it was logged from, found while it is
										// logged
				super.append(event);
			}

		};
		appender.start();
		logback.addAppender(appender);
		AtomicInteger built = new AtomicInteger();
		Object message = new Object() {

			@Override
			public String toString() {
				built.incrementAndGet();
				return "built";
			}

		};
		Log log = LogFactory.getLog("hub.test.levels");

		log.trace(message);
		log.debug(message, new IllegalStateException("unseen"));
		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(built).hasValue(0);
		assertThat(appender.list).isEmpty();

		log.info(message);
		log.fatal(message, new IllegalStateException("seen"));
		assertThat(built).hasValue(2);
		assertThat(appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple(Level.INFO, "built"), tuple(Level.ERROR, "built"));
		assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("seen");
		assertThat(appender.list.get(0).getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
	}

}
