package hub.ameen.scheduler.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable timers, ordered by due time, with each slot and each owner's timers found
 * by index. Every change happens in the caller's transaction; scheduling a timer wakes
 * the clock after the commit so that a nearer timer is not slept past.
 */
public final class TimerIndex {

	private final Collection<TimerKey, Timer> timers;

	private final Index<String, TimerKey, Timer> slots;

	private final Index<String, TimerKey, Timer> owners;

	private final Collection<String, Timer> failed;

	private final Collection<String, Long> fired;

	private final List<Runnable> scheduledListeners = new CopyOnWriteArrayList<>();

	public TimerIndex(Store store, JsonMapper mapper) {
		this.timers = store.collection("clock.timers", TimerKey.CODEC, Codec.json(mapper, Timer.class));
		this.slots = this.timers.uniqueIndex("slot", Codec.utf8(), Timer::id);
		this.owners = this.timers.index("owner", Codec.utf8(), (timer) -> List.of(timer.ownerId()));
		this.failed = store.collection("clock.failed", Codec.utf8(), Codec.json(mapper, Timer.class));
		this.fired = store.collection("clock.fired", Codec.utf8(), Codec.longKey());
	}

	/**
	 * Remembers that a slot's occurrence fired, here or on another instance.
	 * @param txn the firing (or observing) transaction
	 * @param slotId the slot
	 * @param occurrenceStart the occurrence
	 */
	public void markFired(WriteTxn txn, String slotId, Instant occurrenceStart) {
		this.fired.put(txn, firedKey(slotId, occurrenceStart), occurrenceStart.toEpochMilli());
	}

	/** Whether a slot's occurrence fired, here or on another instance. */
	public boolean wasFired(ReadTxn txn, String slotId, Instant occurrenceStart) {
		return this.fired.contains(txn, firedKey(slotId, occurrenceStart));
	}

	/**
	 * Forgets firings of occurrences before the cutoff (their timers are long gone).
	 * @return how many were forgotten
	 */
	int forgetFiredBefore(WriteTxn txn, Instant cutoff) {
		List<String> old = new ArrayList<>();
		this.fired.forEach(txn, null, (key, occurrence) -> {
			if (occurrence < cutoff.toEpochMilli()) {
				old.add(key);
			}
			return true;
		});
		old.forEach((key) -> this.fired.delete(txn, key));
		return old.size();
	}

	private static String firedKey(String slotId, Instant occurrenceStart) {
		return slotId + "@" + occurrenceStart.toEpochMilli();
	}

	/** Puts the timer in its slot, replacing the slot's previous timer. */
	public void schedule(WriteTxn txn, Timer timer) {
		slot(txn, timer.id()).ifPresent((old) -> this.timers.delete(txn, old.key()));
		this.timers.put(txn, timer.key(), timer);
		txn.afterCommit(this::scheduled);
	}

	/** The timer in a slot, if any. */
	public Optional<Timer> slot(ReadTxn txn, String slotId) {
		return this.slots.first(txn, slotId);
	}

	/** The timers of one event or task. */
	public List<Timer> ofOwner(ReadTxn txn, String ownerId) {
		List<Timer> found = new ArrayList<>();
		for (TimerKey key : this.owners.keys(txn, ownerId)) {
			this.timers.get(txn, key).ifPresent(found::add);
		}
		return found;
	}

	/** Removes the timer; returns whether it was still there. */
	public boolean cancel(WriteTxn txn, Timer timer) {
		return this.timers.delete(txn, timer.key());
	}

	/** Moves a timer that failed to fire out of the index, keeping it for inspection. */
	void setAside(WriteTxn txn, Timer timer) {
		cancel(txn, timer);
		this.failed.put(txn, timer.id() + "@" + timer.dueAt().toEpochMilli(), timer);
	}

	/** Removes every timer of an event or task. */
	public void cancelOwner(WriteTxn txn, String ownerId) {
		ofOwner(txn, ownerId).forEach((timer) -> cancel(txn, timer));
	}

	/** The timers due at or before the instant, earliest first, at most {@code max}. */
	public List<Timer> due(ReadTxn txn, Instant now, int max) {
		return due(txn, now, max, (timer) -> true);
	}

	/**
	 * The timers due at or before the instant that pass the filter, earliest first, at
	 * most {@code max}.
	 */
	public List<Timer> due(ReadTxn txn, Instant now, int max, Predicate<Timer> filter) {
		List<Timer> found = new ArrayList<>();
		this.timers.forEach(txn, null, (key, timer) -> {
			if (key.dueAt() > now.toEpochMilli() || found.size() >= max) {
				return false;
			}
			if (filter.test(timer)) {
				found.add(timer);
			}
			return true;
		});
		return found;
	}

	/** The earliest timer. */
	public Optional<Timer> next(ReadTxn txn) {
		return next(txn, (timer) -> true, Instant.ofEpochMilli(Long.MAX_VALUE));
	}

	/**
	 * The earliest timer that passes the filter, looking no further than {@code until}.
	 */
	public Optional<Timer> next(ReadTxn txn, Predicate<Timer> filter, Instant until) {
		List<Timer> first = new ArrayList<>(1);
		this.timers.forEach(txn, null,
				(key, timer) -> key.dueAt() <= until.toEpochMilli() && !(filter.test(timer) && first.add(timer)));
		return first.stream().findFirst();
	}

	/** How many timers there are. */
	public long size(ReadTxn txn) {
		return this.timers.count(txn);
	}

	/** Runs the listener after each commit that scheduled a timer. */
	public void onScheduled(Runnable listener) {
		this.scheduledListeners.add(listener);
	}

	private void scheduled() {
		this.scheduledListeners.forEach(Runnable::run);
	}

}
