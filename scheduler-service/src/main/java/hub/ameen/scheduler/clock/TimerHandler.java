package hub.ameen.scheduler.clock;

import java.util.Optional;
import java.util.Set;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.store.WriteTxn;

/**
 * What happens when a timer of some kinds fires. Runs inside the transaction that removes
 * the timer, so it must only write to the store (e.g. append to the outbox).
 */
public interface TimerHandler {

	/** The timer kinds this handler fires. */
	Set<String> kinds();

	/**
	 * Fires the timer, which is already removed in this transaction.
	 * @param txn the firing transaction
	 * @param timer the timer
	 * @param firing when and how it fires; announce nothing when it is skipped
	 * @return the slot's next timer, if it has one
	 */
	Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing);

	/**
	 * The slot and occurrence an event this handler announces fired, so that every
	 * instance learns of the firings of the others (see {@link TimerClock#observe}).
	 * @param event an event read from one of the scheduler's own topics
	 * @return what fired, or empty when the event is not one of this handler's firings
	 */
	default Optional<FiredSlot> firedBy(EventEnvelope event) {
		return Optional.empty();
	}

}
