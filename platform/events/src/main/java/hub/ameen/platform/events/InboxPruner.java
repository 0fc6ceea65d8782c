package hub.ameen.platform.events;

import java.time.Duration;

import hub.ameen.platform.web.chore.Chore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the {@link Inbox} on a timer of its own while the application runs.
 */
final class InboxPruner extends Chore {

	private static final Logger logger = LoggerFactory.getLogger(InboxPruner.class);

	private final Inbox inbox;

	InboxPruner(Inbox inbox, Duration interval) {
		super("inbox-pruner", interval);
		this.inbox = inbox;
	}

	@Override
	protected void runOnce() {
		int pruned = this.inbox.prune();
		if (pruned > 0) {
			logger.debug("Forgot {} processed event ids past their retention", pruned);
		}
	}

	@Override
	public int getPhase() {
		return OutboxRelay.PHASE;
	}

}
