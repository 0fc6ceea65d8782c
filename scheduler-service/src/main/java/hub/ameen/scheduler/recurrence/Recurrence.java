package hub.ameen.scheduler.recurrence;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.RecurrenceSet;
import org.dmfs.rfc5545.recur.Freq;
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
 */
public final class Recurrence {

	/** The most instances one walk visits before it gives up. */
	static final int MAX_WALK = 200_000;

	private static final Set<Freq> ALLOWED = Set.of(Freq.HOURLY, Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);

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
		catch (InvalidRuleException ex) {
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
		List<Occurrence> found = new ArrayList<>();
		walk(from.minus(this.duration).plusMillis(1), (occurrence) -> {
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
		walk(instant, (occurrence) -> {
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
		InstanceIterator instances = new OfRuleAndFirst(this.rule, dtstart()).iterator();
		while (instances.hasNext() && instances.next().getTimestamp() < occurrence.toEpochMilli()) {
			before++;
		}
		RecurrenceRule copy = parse(this.rule.toString());
		copy.setCount(Math.max(count - before, 1));
		return copy.toString();
	}

	private interface Visitor {

		boolean visit(Occurrence occurrence);

	}

	/** Visits occurrences in start order from the first one starting at or after from. */
	private void walk(Instant from, Visitor visitor) {
		if (this.rule == null) {
			visitor.visit(new Occurrence(this.start, this.start.plus(this.duration)));
			return;
		}
		try {
			InstanceIterator instances = instances();
			if (from.isAfter(this.start)) {
				instances.fastForward(new DateTime(DateTime.UTC, from.toEpochMilli()));
			}
			for (int visited = 0; visited < MAX_WALK && instances.hasNext(); visited++) {
				Instant next = Instant.ofEpochMilli(instances.next().getTimestamp());
				if (!visitor.visit(new Occurrence(next, next.plus(this.duration)))) {
					return;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// lib-recur's sanity filter: a rule whose instances are all filtered away
			throw new InvalidRuleException("the rule yields no occurrences");
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
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(normalise(rrule), RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			throw new InvalidRuleException("not a valid RRULE: " + ex.getMessage());
		}
		if (!ALLOWED.contains(rule.getFreq())) {
			throw new InvalidRuleException("FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
		}
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
