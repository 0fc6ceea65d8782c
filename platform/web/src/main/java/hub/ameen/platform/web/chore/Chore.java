package hub.ameen.platform.web.chore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work a service does every {@code interval} while its context runs, on a daemon thread
 * of its own named after it: the first run an interval after start, each next an interval
 * after the last one ended. A run that fails is logged and tried again at the next; stop
 * interrupts a run and waits for it (up to 10 s), so what the run uses, such as the
 * service's store, is not closed under it.
 */
public abstract class Chore implements SmartLifecycle {

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final String name;

	private final Duration interval;

	private ScheduledExecutorService timer;

	/**
	 * @param name the thread's name, and the chore's in its log lines
	 * @param interval from start to the first run, and from the end of a run to the next
	 */
	protected Chore(String name, Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(name + " needs an interval above zero, not " + interval);
		}
		this.name = name;
		this.interval = interval;
	}

	/**
	 * Does the work once, and logs what it did when that is worth a line. An exception it
	 * throws is logged here, and the next run comes an interval later as usual.
	 */
	protected abstract void runOnce();

	private void run() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			this.logger.warn("{} failed; will try again in {}", this.name, this.interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.timer != null) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.timer.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.timer == null) {
			return;
		}
		this.timer.shutdownNow();
		try {
			if (!this.timer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.logger.warn("{} did not end within {} of being stopped", this.name, STOP_WAIT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.timer = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
