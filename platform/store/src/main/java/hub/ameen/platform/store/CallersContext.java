package hub.ameen.platform.store;

import java.util.function.Function;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.util.context.ContextView;

/**
 * Runs a write on the writer thread in the context of the code that asked for it: the
 * thread-locals that context-propagation knows of (the current observation and trace
 * span, the logging MDC), taken from the caller's thread and its Reactor context. So an
 * event a write appends to the outbox carries the request's trace, and what the write
 * logs carries its trace id.
 */
final class CallersContext {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private CallersContext() {
	}

	static <T> Function<WriteTxn, T> around(Function<WriteTxn, T> work, ContextView reactorContext) {
		ContextSnapshot snapshot = (reactorContext != null) ? SNAPSHOTS.captureAll(reactorContext)
				: SNAPSHOTS.captureAll();
		return (txn) -> {
			try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
				return work.apply(txn);
			}
		};
	}

}
