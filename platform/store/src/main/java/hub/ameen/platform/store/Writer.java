package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.lmdbjava.Env;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of an environment: takes queued writes, runs each in a nested
 * transaction of one batch transaction (so one failing write does not spoil the others),
 * commits the batch once, and only then completes the callers. Grows the map when it is
 * full and runs the batch again.
 */
final class Writer implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(Writer.class);

	private final Store store;

	private final Env<ByteBuffer> env;

	private final int maxBatch;

	private final BlockingQueue<Request<?>> queue = new LinkedBlockingQueue<>();

	private volatile boolean running = true;

	private final Thread thread;

	Writer(Store store, Env<ByteBuffer> env, int maxBatch, String name) {
		this.store = store;
		this.env = env;
		this.maxBatch = maxBatch;
		this.thread = new Thread(this, "store-writer-" + name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	<T> CompletableFuture<T> submit(Function<WriteTxn, T> work) {
		Request<T> request = new Request<>(work);
		if (!this.running) {
			request.future.completeExceptionally(new StoreException.ClosedException());
			return request.future;
		}
		this.queue.add(request);
		return request.future;
	}

	boolean isWriterThread() {
		return Thread.currentThread() == this.thread;
	}

	@Override
	public void run() {
		List<Request<?>> batch = new ArrayList<>(this.maxBatch);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Request<?> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				logger.error("Store writer failed a batch", ex);
				batch.forEach((request) -> request.future.completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Request<?>> batch) {
		while (true) {
			long started = System.nanoTime();
			try {
				List<Runnable> after = runBatch(batch);
				this.store.recordCommit(System.nanoTime() - started, batch.size());
				after.forEach(Writer::runQuietly);
				batch.forEach(Request::complete);
				return;
			}
			catch (Env.MapFullException ex) {
				this.store.growMap();
			}
		}
	}

	private List<Runnable> runBatch(List<Request<?>> batch) {
		List<Runnable> after = new ArrayList<>();
		this.store.resizeLock().readLock().lock();
		try (Txn<ByteBuffer> parent = this.env.txnWrite()) {
			for (Request<?> request : batch) {
				request.runIn(this.env, parent, after);
			}
			parent.commit();
			return after;
		}
		finally {
			this.store.resizeLock().readLock().unlock();
		}
	}

	private static void runQuietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			logger.warn("After-commit action failed", ex);
		}
	}

	void close() {
		this.running = false;
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Request<?> left;
		while ((left = this.queue.poll()) != null) {
			left.future.completeExceptionally(new StoreException.ClosedException());
		}
	}

	private static final class Request<T> {

		private final Function<WriteTxn, T> work;

		private final CompletableFuture<T> future = new CompletableFuture<>();

		private T result;

		private Throwable failure;

		Request(Function<WriteTxn, T> work) {
			this.work = work;
		}

		void runIn(Env<ByteBuffer> env, Txn<ByteBuffer> parent, List<Runnable> after) {
			this.result = null;
			this.failure = null;
			try (Txn<ByteBuffer> child = env.txn(parent)) {
				WriteTxn txn = new WriteTxn(child);
				try {
					this.result = this.work.apply(txn);
				}
				catch (Env.MapFullException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					// closing the child aborts just this write; the rest of the batch
					// goes on
					this.failure = ex;
					return;
				}
				child.commit();
				after.addAll(txn.afterCommitActions());
			}
		}

		void complete() {
			if (this.failure != null) {
				this.future.completeExceptionally(this.failure);
			}
			else {
				this.future.complete(this.result);
			}
		}

	}

}
