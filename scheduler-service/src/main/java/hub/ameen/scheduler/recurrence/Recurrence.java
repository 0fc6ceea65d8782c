package hub.ameen.scheduler.recurrence;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.TreeSet;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recurrenceset.Difference;
import org.dmfs.rfc5545.recurrenceset.OfList;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

/**
 * The occurrences of one event: its first start and duration, an optional RRULE and the
 * starts it excludes (EXDATE). Rules are expanded with lib-recur in the event's time
 * zone, so a weekly 09:00 meeting stays at 09:00 local time across daylight-saving
 * changes. Instances are compared at millisecond precision.
 * <p>
 * Only rules within {@link RuleLimits} are accepted, and every walk is bounded by a
 * {@link Budget} of instances and time: expanding never takes unbounded memory or time.
 * Problems are described in the hub's own words, never lib-recur's.
 */
public final class Recurrence {

	/** The longest rule accepted, in characters. */
	public static final int MAX_LENGTH = RuleLimits.MAX_LENGTH;

	/** How far one call of lib-recur's fast-forward skips. */
	private static final Duration SKIP_STEP = Duration.ofDays(366);

	private static final String EXAMPLE = "e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10";

	private final Instant start;

	private final Duration duration;

	private final TimeZone zone;

	private final RecurrenceRule rule;

	private final TreeSet<Instant> exdates;

	private Recurrence(Instant start, Duration duration, TimeZone zone, RecurrenceRule rule, TreeSet<Instant> exdates) {
		this.start = start;
		this.duration = duration;
		this.zone = zone;
		this.rule = rule;
		this.exdates = exdates;
	}

	/**
	 * The occurrences of an event.
	 * @param rrule an RFC 5545 RRULE value (an {@code RRULE:} prefix is allowed), or null
	 * for a single occurrence
	 * @param start the first start (DTSTART)
	 * @param end the first end, after the start
	 * @param zone the time zone id the rule is expanded in
	 * @param exdates starts that are excluded
	 * @return the recurrence
	 * @throws InvalidRuleException if the rule or zone is not valid
	 */
	public static Recurrence of(String rrule, Instant start, Instant end, String zone,
			java.util.Collection<Instant> exdates) {
		TimeZone timeZone = timeZone(zone);
		RecurrenceRule rule = (rrule != null && !rrule.isBlank()) ? parse(rrule) : null;
		TreeSet<Instant> excluded = new TreeSet<>();
		if (exdates != null) {
			exdates.forEach((instant) -> excluded.add(millis(instant)));
		}
		return new Recurrence(millis(start), Duration.between(start, end), timeZone, rule, excluded);
	}

	/**
	 * Why the rule cannot be used, if it cannot.
	 * @param rrule the rule to check
	 * @param start the first start, to check that the rule yields occurrences
	 * @param zone a valid time zone id
	 * @return the problem, or empty when the rule is fine
	 */
	public static Optional<String> problem(String rrule, Instant start, String zone) {
		try {
			Recurrence recurrence = of(rrule, start, start.plusSeconds(1), zone, List.of());
			recurrence.firstStartingAfter(start);
			return Optional.empty();
		}
		catch (InvalidRuleException | Budget.ExpansionLimitException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	/** Normal form of a rule: trimmed, upper case, without an {@code RRULE:} prefix. */
	public static String normalise(String rrule) {
		String trimmed = rrule.trim().toUpperCase(Locale.ROOT);
		return trimmed.startsWith("RRULE:") ? trimmed.substring("RRULE:".length()) : trimmed;
	}

	public boolean isRecurring() {
		return this.rule != null;
	}

	public Duration duration() {
		return this.duration;
	}

	/**
	 * The occurrences that overlap {@code [from, to)}, in start order, at most
	 * {@code limit} of them.
	 */
	public List<Occurrence> between(Instant from, Instant to, int limit) {
		return between(from, to, limit, Budget.standard());
	}

	/**
	 * The occurrences that overlap {@code [from, to)}, in start order, at most
	 * {@code limit} of them, spending from a budget the caller may share.
	 * @throws Budget.ExpansionLimitException when the budget runs out
	 */
	public List<Occurrence> between(Instant from, Instant to, int limit, Budget budget) {
		List<Occurrence> found = new ArrayList<>();
		walk(from.minus(this.duration).plusMillis(1), budget, (occurrence) -> {
			if (!occurrence.start().isBefore(to) || found.size() >= limit) {
				return false;
			}
			if (occurrence.overlaps(from, to)) {
				found.add(occurrence);
			}
			return true;
		});
		return found;
	}

	/** The first occurrence that starts at or after the instant. */
	public Optional<Occurrence> firstStartingAtOrAfter(Instant instant) {
		List<Occurrence> found = new ArrayList<>(1);
		walk(instant, Budget.standard(), (occurrence) -> {
			if (!occurrence.start().isBefore(instant)) {
				found.add(occurrence);
				return false;
			}
			return true;
		});
		return found.stream().findFirst();
	}

	/** The first occurrence that starts after the instant. */
	public Optional<Occurrence> firstStartingAfter(Instant instant) {
		return firstStartingAtOrAfter(millis(instant).plusMillis(1));
	}

	/** The first occurrence that ends at or after the instant. */
	public Optional<Occurrence> firstEndingAtOrAfter(Instant instant) {
		return firstStartingAtOrAfter(instant.minus(this.duration));
	}

	/** Whether an occurrence starts exactly at the instant. */
	public boolean occursAt(Instant instant) {
		return firstStartingAtOrAfter(instant).filter((found) -> found.start().equals(millis(instant))).isPresent();
	}

	/**
	 * The rule cut so that its last occurrence starts before the instant (an UNTIL one
	 * second earlier, replacing any COUNT): the series of "this and following" keeps only
	 * the earlier part.
	 */
	public String truncatedBefore(Instant occurrence) {
		RecurrenceRule copy = parse(this.rule.toString());
		copy.setUntil(new DateTime(DateTime.UTC, millis(occurrence).minusSeconds(1).toEpochMilli()));
		return copy.toString();
	}

	/**
	 * The rule of a new series that starts at the occurrence and continues this one: the
	 * same rule, with COUNT reduced by the instances before the occurrence.
	 */
	public String continuedFrom(Instant occurrence) {
		Integer count = this.rule.getCount();
		if (count == null) {
			return this.rule.toString();
		}
		int before = 0;
		Budget budget = Budget.standard();
		InstanceIterator instances = expanding(() -> new OfRuleAndFirst(this.rule, dtstart()).iterator());
		while (expanding(instances::hasNext) && expanding(instances::next).getTimestamp() < occurrence.toEpochMilli()) {
			budget.spend();
			before++;
		}
		RecurrenceRule copy = parse(this.rule.toString());
		copy.setCount(Math.max(count - before, 1));
		return copy.toString();
	}

	private interface Visitor {

		boolean visit(Occurrence occurrence);

	}

	/**
	 * Visits occurrences in start order from the first one starting at or after from,
	 * skipping ahead with lib-recur's fast-forward (cheap without COUNT; with COUNT it
	 * counts, at most {@link RuleLimits#MAX_COUNT} instances) a year at a time, checking
	 * the budget's deadline after each year.
	 */
	private void walk(Instant from, Budget budget, Visitor visitor) {
		if (this.rule == null) {
			visitor.visit(new Occurrence(this.start, this.start.plus(this.duration)));
			return;
		}
		InstanceIterator instances = expanding(this::instances);
		// skip ahead a year at a time, so that the deadline is checked along the way
		for (Instant reached = this.start; reached.isBefore(from);) {
			Instant target = reached.plus(SKIP_STEP).isBefore(from) ? reached.plus(SKIP_STEP) : from;
			expanding(() -> {
				instances.fastForward(new DateTime(DateTime.UTC, target.toEpochMilli()));
				return null;
			});
			budget.checkTime();
			reached = target;
		}
		while (expanding(instances::hasNext)) {
			budget.spend();
			Instant next = Instant.ofEpochMilli(expanding(instances::next).getTimestamp());
			if (!visitor.visit(new Occurrence(next, next.plus(this.duration)))) {
				return;
			}
		}
	}

	/**
	 * Runs a step of lib-recur. It signals a rule it gives up on (after thousands of
	 * periods without an instance) with runtime exceptions whose words are its own.
	 */
	private static <T> T expanding(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException ex) {
			throw new InvalidRuleException("the rule yields no occurrences, or too rarely to find the next one");
		}
	}

	private InstanceIterator instances() {
		RecurrenceSet set = new OfRuleAndFirst(this.rule, dtstart());
		if (!this.exdates.isEmpty()) {
			set = new Difference(set,
					new OfList(this.exdates.stream()
						.map((instant) -> new DateTime(DateTime.UTC, instant.toEpochMilli()))
						.toList()));
		}
		return set.iterator();
	}

	private DateTime dtstart() {
		return new DateTime(this.zone, this.start.toEpochMilli());
	}

	private static RecurrenceRule parse(String rrule) {
		String normal = normalise(rrule);
		if (normal.length() > RuleLimits.MAX_LENGTH) {
			throw new InvalidRuleException("must be at most " + RuleLimits.MAX_LENGTH + " characters");
		}
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(normal, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			// lib-recur's words (and its class names) stay inside
			throw new InvalidRuleException("is not a valid RRULE, " + EXAMPLE);
		}
		RuleLimits.problem(rule).ifPresent((problem) -> {
			throw new InvalidRuleException(problem);
		});
		return rule;
	}

	private static TimeZone timeZone(String zone) {
		try {
			return TimeZone.getTimeZone(ZoneId.of(zone));
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidRuleException("not a known time zone: " + zone);
		}
	}

	private static Instant millis(Instant instant) {
		return Instant.ofEpochMilli(instant.toEpochMilli());
	}

	/** A rule, or its time zone, that cannot be expanded. */
	public static final class InvalidRuleException extends IllegalArgumentException {

		InvalidRuleException(String message) {
			super(message);
		}

	}

}
