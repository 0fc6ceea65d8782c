package hub.ameen.platform.web;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Hooks;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Where Reactor sends an error that arrives after its sequence has ended (a "dropped"
 * error), for the whole JVM. Reactor's default logs each at ERROR with its stack trace
 * ({@code Operator called default onErrorDropped}); on the multipart path a client's
 * going away mid-upload arrives a second time after its sequence has ended, so every
 * closed tab during an upload was an error line. A client that went away is now one debug
 * line under {@value ProblemErrorWebExceptionHandler#GONE}; any other dropped error is
 * still logged at ERROR, with its stack.
 */
final class DroppedErrors implements SmartInitializingSingleton {

	private static final Log log = LogFactory.getLog(DroppedErrors.class);

	private static final DisconnectedClientHelper gone = new DisconnectedClientHelper(
			ProblemErrorWebExceptionHandler.GONE);

	private static final AtomicBoolean installed = new AtomicBoolean();

	@Override
	public void afterSingletonsInstantiated() {
		install();
	}

	/** Installs the hook once per JVM, however many contexts start in it. */
	static void install() {
		if (installed.compareAndSet(false, true)) {
			Hooks.onErrorDropped(DroppedErrors::dropped);
		}
	}

	static void dropped(Throwable error) {
		if (!gone.checkAndLogClientDisconnectedException(error)) {
			log.error("An error arrived after its sequence had ended (Reactor's onErrorDropped)", error);
		}
	}

}
