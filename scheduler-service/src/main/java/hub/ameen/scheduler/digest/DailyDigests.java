package hub.ameen.scheduler.digest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.scheduler.clock.FiredSlot;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerHandler;
import hub.ameen.scheduler.clock.TimerIndex;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * One timer per user with a digest plan, at the plan's local time on the next day that
 * has not had its digest yet: a plan changed after today's digest went out moves
 * tomorrow's, never gives a second one today. Firing announces
 * {@code scheduler.task.digest} and schedules the next day's, in the same transaction;
 * what came due while the service was down fires late on start, like every timer of the
 * clock.
 */
@Component
public class DailyDigests implements TimerHandler {

	static final String KIND = "task.digest";

	private final Collection<String, DigestPlan> plans;

	private final TimerIndex timers;

	private final Outbox outbox;

	DailyDigests(Store store, TimerIndex timers, Outbox outbox, JsonMapper json) {
		this.plans = store.collection("digest.plans", Codec.utf8(), Codec.json(json, DigestPlan.class));
		this.timers = timers;
		this.outbox = outbox;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	/** Applies a {@code digest.planned}, in the inbox's transaction. */
	void plan(WriteTxn txn, DigestPlan plan, Instant now) {
		DigestPlan kept = plan.replacing(this.plans.get(txn, plan.userId()).orElse(null));
		this.plans.put(txn, kept.userId(), kept);
		this.timers.slot(txn, slot(kept.userId())).ifPresent((old) -> this.timers.cancel(txn, old));
		next(kept, now).ifPresent((timer) -> this.timers.schedule(txn, timer));
	}

	/** The user's plan, if any. */
	Optional<DigestPlan> planOf(String userId) {
		return this.plans.get(userId);
	}

	@Override
	public Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing) {
		DigestPlan plan = this.plans.get(txn, timer.ownerId()).orElse(null);
		ZoneId zone = (plan != null) ? zoneOf(plan) : null;
		if (plan == null || !plan.active() || zone == null) {
			return Optional.empty();
		}
		LocalDate day = timer.dueAt().atZone(zone).toLocalDate();
		if (plan.lastDay() != null && !day.isAfter(plan.lastDay())) {
			return next(plan, firing.firedAt());
		}
		DigestPlan fired = plan.firedFor(day);
		this.plans.put(txn, fired.userId(), fired);
		if (!firing.skipped()) {
			DigestDue due = new DigestDue(plan.userId(), day, plan.timeZone(), timer.dueAt(), firing.firedAt(),
					firing.late());
			this.outbox.publish(txn,
					DigestDue.DUE.about(plan.userId(), due).withIdOf(plan.userId(), day).at(firing.firedAt()));
		}
		return next(fired, firing.firedAt());
	}

	@Override
	public Optional<FiredSlot> firedBy(EventEnvelope event) {
		String userId = event.payload().path("userId").asString();
		String dueAt = event.payload().path("dueAt").asString();
		if (!event.type().equals(DigestDue.DUE.name()) || userId.isEmpty() || dueAt.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new FiredSlot(slot(userId), Instant.parse(dueAt)));
	}

	/**
	 * The plan's next timer: its time on the first day after {@code lastDay} whose time
	 * is not before {@code now} (today's, if it is still ahead and today had none).
	 */
	static Optional<Timer> next(DigestPlan plan, Instant now) {
		ZoneId zone = zoneOf(plan);
		LocalTime time = timeOf(plan);
		if (!plan.active() || zone == null || time == null) {
			return Optional.empty();
		}
		LocalDate day = now.atZone(zone).toLocalDate();
		if (plan.lastDay() != null && !day.isAfter(plan.lastDay())) {
			day = plan.lastDay().plusDays(1);
		}
		ZonedDateTime at = ZonedDateTime.of(day, time, zone);
		if (at.toInstant().isBefore(now)) {
			at = ZonedDateTime.of(day.plusDays(1), time, zone);
		}
		Instant due = at.toInstant();
		return Optional.of(new Timer(slot(plan.userId()), KIND, plan.userId(), due, due, null));
	}

	private static String slot(String userId) {
		return userId + "/" + KIND;
	}

	private static ZoneId zoneOf(DigestPlan plan) {
		try {
			return (plan.timeZone() != null) ? ZoneId.of(plan.timeZone()) : null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static LocalTime timeOf(DigestPlan plan) {
		try {
			return (plan.time() != null) ? LocalTime.parse(plan.time()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
