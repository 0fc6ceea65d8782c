package hub.ameen.tasks.task;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.InstanceIterator;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recurrenceset.OfRuleAndFirst;

/**
 * A recurring task's RRULE, bounded as the calendar bounds its rules but tighter (a task
 * repeats at most daily): completing one occurrence creates the next, due at the rule's
 * first instance after it; {@code COUNT} counts down from one occurrence to the next, so
 * {@code COUNT=1} is the last.
 */
final class TaskRecurrence {

	static final int MAX_INTERVAL = 1_000;

	static final int MAX_COUNT = 1_000;

	/** The most instances walked to find the next one (BY parts may skip many). */
	static final int MAX_STEPS = 1_000;

	private static final Set<Freq> FREQUENCIES = Set.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);

	/**
	 * The parts a task's rule may use, by name (lib-recur's Part must not load first).
	 */
	private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
			"BYMONTH", "WKST");

	private static final String EXAMPLE = "e.g. FREQ=WEEKLY;BYDAY=MO,WE";

	private TaskRecurrence() {
	}

	/** What is wrong with the task's recurrence, if anything. */
	static Optional<String> problem(Task task) {
		if (task.recurrence() == null) {
			return Optional.empty();
		}
		if (task.dueAt() == null) {
			return Optional.of("needs a dueAt to repeat from");
		}
		RecurrenceRule rule = parse(task.recurrence());
		if (rule == null) {
			return Optional.of("is not a valid RRULE, " + EXAMPLE);
		}
		if (!FREQUENCIES.contains(rule.getFreq())) {
			return Optional.of("must repeat DAILY, WEEKLY, MONTHLY or YEARLY");
		}
		for (Part part : Part.values()) {
			if (rule.hasPart(part) && !PARTS.contains(part.name())) {
				return Optional.of("may use only FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH and WKST");
			}
		}
		if (rule.getInterval() > MAX_INTERVAL) {
			return Optional.of("INTERVAL must be at most " + MAX_INTERVAL);
		}
		if (rule.getCount() != null && (rule.getCount() < 1 || rule.getCount() > MAX_COUNT)) {
			return Optional.of("COUNT must be from 1 to " + MAX_COUNT);
		}
		return Optional.empty();
	}

	/**
	 * The next occurrence's due time and rule, expanded in the zone; empty when the
	 * series ends (COUNT spent, past UNTIL, beyond {@link DueTime#END} or
	 * {@link #MAX_STEPS}).
	 */
	static Optional<Next> next(String rrule, Instant due, ZoneId zone) {
		RecurrenceRule rule = parse(rrule);
		if (rule == null || (rule.getCount() != null && rule.getCount() <= 1)) {
			return Optional.empty();
		}
		InstanceIterator instances = new OfRuleAndFirst(rule,
				new DateTime(TimeZone.getTimeZone(zone), due.toEpochMilli()))
			.iterator();
		for (int step = 0; step < MAX_STEPS && instances.hasNext(); step++) {
			Instant instance = Instant.ofEpochMilli(instances.next().getTimestamp());
			if (!instance.isBefore(DueTime.END)) {
				return Optional.empty();
			}
			if (instance.isAfter(due)) {
				if (rule.getCount() != null) {
					rule.setCount(rule.getCount() - 1);
				}
				return Optional.of(new Next(instance, rule.toString()));
			}
		}
		return Optional.empty();
	}

	private static RecurrenceRule parse(String rrule) {
		String normal = rrule.strip().toUpperCase(Locale.ROOT);
		if (normal.startsWith("RRULE:")) {
			normal = normal.substring("RRULE:".length());
		}
		try {
			return new RecurrenceRule(normal, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The next occurrence of a series.
	 *
	 * @param dueAt when it is due
	 * @param rule its rule, COUNT one less
	 */
	record Next(Instant dueAt, String rule) {
	}

}
