package hub.ameen.scheduler.recurrence;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;

/**
 * The rules the hub serves: a calendar's rules, not every rule RFC 5545 can write. Each
 * limit keeps the work of expanding a rule small and bounded, so that no rule makes the
 * service run out of memory or time:
 * <ul>
 * <li>at most {@value #MAX_LENGTH} characters;</li>
 * <li>{@code FREQ} hourly to yearly, {@code INTERVAL} at most {@value #MAX_INTERVAL},
 * {@code COUNT} at most {@value #MAX_COUNT} (lib-recur cannot skip ahead in a counted
 * rule: it counts every instance);</li>
 * <li>{@code BYSECOND} at most one value: occurrences are at least a minute apart;</li>
 * <li>at most {@value #MAX_PER_PERIOD} instances in one period of the rule (a year of a
 * yearly rule), as the product of what each {@code BYxxx} part expands to. lib-recur
 * keeps a period's instances in memory, and gives up on a first period with more than
 * 4,320 instances before the start.</li>
 * </ul>
 */
final class RuleLimits {

	static final int MAX_LENGTH = 500;

	static final int MAX_INTERVAL = 1_000;

	static final int MAX_COUNT = 10_000;

	static final int MAX_PER_PERIOD = 4_000;

	private static final Set<Freq> ALLOWED = Set.of(Freq.HOURLY, Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);

	private RuleLimits() {
	}

	/** Why the hub will not serve the parsed rule, if it will not. */
	static Optional<String> problem(RecurrenceRule rule) {
		if (!ALLOWED.contains(rule.getFreq())) {
			return Optional.of("FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
		}
		if (rule.getInterval() > MAX_INTERVAL) {
			return Optional.of("INTERVAL must be at most " + MAX_INTERVAL);
		}
		if (rule.getCount() != null && rule.getCount() > MAX_COUNT) {
			return Optional.of("COUNT must be at most " + MAX_COUNT + "; for a longer series use UNTIL or no end");
		}
		if (size(rule, Part.BYSECOND) > 1) {
			return Optional.of("BYSECOND may hold one value: occurrences must be at least a minute apart");
		}
		if (perPeriod(rule) > MAX_PER_PERIOD) {
			return Optional.of("the rule makes more than " + MAX_PER_PERIOD + " occurrences in one "
					+ period(rule.getFreq()) + "; use fewer BYxxx values");
		}
		return Optional.empty();
	}

	/**
	 * An upper bound of the instances in one period: each part that expands (rather than
	 * filters) at the rule's frequency multiplies it.
	 */
	static long perPeriod(RecurrenceRule rule) {
		Freq freq = rule.getFreq();
		long days = switch (freq) {
			case YEARLY -> yearDays(rule);
			case MONTHLY -> rule.hasPart(Part.BYMONTHDAY) ? size(rule, Part.BYMONTHDAY) : weekdays(rule, 5);
			case WEEKLY -> weekdays(rule, 1);
			default -> 1;
		};
		long hours = (freq == Freq.HOURLY) ? 1 : size(rule, Part.BYHOUR);
		return days * hours * size(rule, Part.BYMINUTE) * size(rule, Part.BYSECOND);
	}

	private static long yearDays(RecurrenceRule rule) {
		if (rule.hasPart(Part.BYYEARDAY)) {
			return size(rule, Part.BYYEARDAY);
		}
		if (rule.hasPart(Part.BYWEEKNO)) {
			return size(rule, Part.BYWEEKNO) * (rule.hasPart(Part.BYDAY) ? weekdays(rule, 1) : 7);
		}
		long months = size(rule, Part.BYMONTH);
		if (rule.hasPart(Part.BYMONTHDAY)) {
			return (rule.hasPart(Part.BYMONTH) ? months : 12) * size(rule, Part.BYMONTHDAY);
		}
		if (rule.hasPart(Part.BYMONTH)) {
			return months * weekdays(rule, 5);
		}
		return weekdays(rule, 53);
	}

	/**
	 * The days a BYDAY part expands to when each weekday without a position falls up to
	 * {@code times} times in the period; 1 without BYDAY.
	 */
	private static long weekdays(RecurrenceRule rule, int times) {
		if (!rule.hasPart(Part.BYDAY)) {
			return 1;
		}
		long days = 0;
		for (WeekdayNum day : new HashSet<>(rule.getByDayPart())) {
			days += (day.pos == 0) ? times : 1;
		}
		return days;
	}

	private static long size(RecurrenceRule rule, Part part) {
		List<Integer> values = rule.hasPart(part) ? rule.getByPart(part) : null;
		return (values == null || values.isEmpty()) ? 1 : new HashSet<>(values).size();
	}

	private static String period(Freq freq) {
		return switch (freq) {
			case YEARLY -> "year";
			case MONTHLY -> "month";
			case WEEKLY -> "week";
			case DAILY -> "day";
			default -> "hour";
		};
	}

}
