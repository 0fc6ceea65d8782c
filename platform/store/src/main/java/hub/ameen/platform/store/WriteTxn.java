package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.lmdbjava.Txn;

/**
 * A write transaction: all its changes commit together or not at all. The function that
 * receives it may be run again if the store had to grow its map, so it must not have side
 * effects outside the store; use {@link #afterCommit(Runnable)} for those.
 */
public final class WriteTxn extends ReadTxn {

	private final List<Runnable> afterCommit = new ArrayList<>(2);

	WriteTxn(Txn<ByteBuffer> lmdb) {
		super(lmdb);
	}

	/**
	 * Runs the action once this transaction is durable. Actions run on the writer thread
	 * and must be quick (signal another thread, do not do I/O).
	 * @param action what to run after the commit
	 */
	public void afterCommit(Runnable action) {
		this.afterCommit.add(action);
	}

	List<Runnable> afterCommitActions() {
		return this.afterCommit;
	}

}
