package hub.ameen.platform.web.chore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A chore runs at its interval on a thread of its own while it is started, goes on after
 * a run that failed, and is waited for when it stops. Where a test needs time to pass
 * without a run, a witness chore with the same interval shows that it did.
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
	void runsAtItsIntervalOnAThreadNamedAfterItOnlyWhileStarted() throws InterruptedException {
		List<String> threads = new CopyOnWriteArrayList<>();
		Counting chore = start(new Counting("test-chore", () -> threads.add(Thread.currentThread().getName())));
		assertThat(chore.isRunning()).isTrue();
		chore.awaitRuns(3);
		assertThat(threads).containsOnly("test-chore");
		chore.stop();
		assertThat(chore.isRunning()).isFalse();
		int afterStop = threads.size();
		awaitIntervals(5);
		assertThat(threads).as("runs after stop").hasSize(afterStop);
	}

	@Test
	void theFirstRunComesAnIntervalAfterStart() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		Chore chore = start(new Counting("slow-chore", Duration.ofSeconds(30), runs::incrementAndGet));
		awaitIntervals(5);
		assertThat(runs).as("runs before the first interval").hasValue(0);
		assertThat(chore.isRunning()).isTrue();
	}

	@Test
	void aRunThatFailsIsTriedAgainAtTheNext() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		Counting chore = start(new Counting("failing-chore", () -> {
			if (runs.incrementAndGet() == 1) {
				throw new IllegalStateException("the store is busy");
			}
		}));
		chore.awaitRuns(3);
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
	void aStopBeforeAnyStartAndASecondStartDoNothing() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		Counting chore = new Counting("idle-chore", runs::incrementAndGet);
		chore.stop();
		assertThat(chore.isRunning()).isFalse();
		start(chore);
		chore.start();
		chore.awaitRuns(2);
		chore.stop();
		int afterStop = runs.get();
		awaitIntervals(5);
		assertThat(runs).as("a second start left a timer of its own running").hasValue(afterStop);
	}

	@Test
	void anIntervalOfZeroIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Counting("no-chore", Duration.ZERO, () -> {
		})).withMessageContaining("no-chore");
	}

	private <C extends Chore> C start(C chore) {
		this.started.add(chore);
		chore.start();
		return chore;
	}

	/** Waits until a chore of the same interval, started now, has run this many times. */
	private void awaitIntervals(int count) throws InterruptedException {
		Counting witness = start(new Counting("witness-chore", () -> {
		}));
		witness.awaitRuns(count);
		witness.stop();
	}

	private static final class Counting extends Chore {

		private final Runnable work;

		private final Semaphore ran = new Semaphore(0);

		Counting(String name, Runnable work) {
			this(name, INTERVAL, work);
		}

		Counting(String name, Duration interval, Runnable work) {
			super(name, interval);
			this.work = work;
		}

		@Override
		protected void runOnce() {
			try {
				this.work.run();
			}
			finally {
				this.ran.release();
			}
		}

		void awaitRuns(int count) throws InterruptedException {
			assertThat(this.ran.tryAcquire(count, DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
				.as("%d runs within %s", count, DEADLINE)
				.isTrue();
		}

	}

}
