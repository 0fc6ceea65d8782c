package hub.ameen.platform.web.chore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A chore runs at its interval on a thread of its own while it is started, goes on after
 * a run that failed, and is waited for when it stops.
 */
class ChoreTests {

	private static final Duration INTERVAL = Duration.ofMillis(20);

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	private final List<Chore> started = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopWhatWasStarted() {
		this.started.forEach(Chore::stop);
	}

	@Test
	void runsAtItsIntervalOnAThreadNamedAfterItOnlyWhileStarted() {
		List<String> threads = new CopyOnWriteArrayList<>();
		Chore chore = start(new Counting("test-chore", () -> threads.add(Thread.currentThread().getName())));
		assertThat(chore.isRunning()).isTrue();
		awaitUntil(() -> threads.size() >= 3);
		assertThat(threads).containsOnly("test-chore");
		chore.stop();
		assertThat(chore.isRunning()).isFalse();
		int afterStop = threads.size();
		sleep(INTERVAL.multipliedBy(5));
		assertThat(threads).as("runs after stop").hasSize(afterStop);
	}

	@Test
	void theFirstRunComesAnIntervalAfterStart() {
		AtomicInteger runs = new AtomicInteger();
		Chore chore = start(new Counting("slow-chore", Duration.ofSeconds(30), runs::incrementAndGet));
		sleep(INTERVAL.multipliedBy(5));
		assertThat(runs).as("runs before the first interval").hasValue(0);
		assertThat(chore.isRunning()).isTrue();
	}

	@Test
	void aRunThatFailsIsTriedAgainAtTheNext() {
		AtomicInteger runs = new AtomicInteger();
		start(new Counting("failing-chore", () -> {
			if (runs.incrementAndGet() == 1) {
				throw new IllegalStateException("the store is busy");
			}
		}));
		awaitUntil(() -> runs.get() >= 3);
	}

	@Test
	void stopWaitsForARunInProgressEvenOneThatIgnoresInterrupts() throws InterruptedException {
		CountDownLatch entered = new CountDownLatch(1);
		AtomicBoolean finished = new AtomicBoolean();
		Chore chore = start(new Counting("busy-chore", () -> {
			entered.countDown();
			long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
			while (System.nanoTime() < until) {
				Thread.onSpinWait(); // a write that does not look at its interrupt
			}
			finished.set(true);
		}));
		assertThat(entered.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("a run began").isTrue();
		chore.stop();
		assertThat(finished).as("the run had ended when stop returned").isTrue();
		assertThat(chore.isRunning()).isFalse();
	}

	@Test
	void aStopBeforeAnyStartAndASecondStartDoNothing() {
		AtomicInteger runs = new AtomicInteger();
		Chore chore = new Counting("idle-chore", runs::incrementAndGet);
		chore.stop();
		assertThat(chore.isRunning()).isFalse();
		start(chore);
		chore.start();
		awaitUntil(() -> runs.get() >= 2);
		chore.stop();
		int afterStop = runs.get();
		sleep(INTERVAL.multipliedBy(5));
		assertThat(runs).as("a second start left a timer of its own running").hasValue(afterStop);
	}

	@Test
	void anIntervalOfZeroIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Counting("no-chore", Duration.ZERO, () -> {
		})).withMessageContaining("no-chore");
	}

	private Chore start(Chore chore) {
		this.started.add(chore);
		chore.start();
		return chore;
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("the condition within %s", DEADLINE).isLessThan(deadline);
			sleep(Duration.ofMillis(5));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static final class Counting extends Chore {

		private final Runnable work;

		Counting(String name, Runnable work) {
			this(name, INTERVAL, work);
		}

		Counting(String name, Duration interval, Runnable work) {
			super(name, interval);
			this.work = work;
		}

		@Override
		protected void runOnce() {
			this.work.run();
		}

	}

}
