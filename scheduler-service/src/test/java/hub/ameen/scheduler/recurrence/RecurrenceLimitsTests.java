package hub.ameen.scheduler.recurrence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules the hub refuses because expanding them would cost unbounded memory or time,
 * and the budget every walk spends: no rule, however written, takes the service down.
 */
class RecurrenceLimitsTests {

	private static final Instant START = Instant.parse("2027-07-01T09:00:00Z");

	@Test
	void aRuleThatWritesOutEveryValueOfEveryPartIsRefusedBeforeAnythingIsExpanded() {
		String everything = "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31) + ";BYHOUR="
				+ range(0, 23) + ";BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59) + ";BYSETPOS=-1";
		String shorter = "FREQ=YEARLY;BYMONTHDAY=" + range(1, 31) + ";BYHOUR=" + range(0, 23) + ";BYMINUTE="
				+ range(0, 59) + ";BYSETPOS=-1";

		assertThat(everything).hasSizeGreaterThan(500);
		assertThat(Recurrence.problem(everything, START, "UTC")).hasValue("must be at most 500 characters");
		assertThat(shorter).hasSizeLessThan(500);
		assertThat(Recurrence.problem(shorter, START, "UTC"))
			.hasValue("the rule makes more than 4000 occurrences in one year; use fewer BYxxx values");
	}

	@Test
	void aPerSecondSeriesAndAHugeCountOrIntervalAreRefused() {
		assertThat(
				Recurrence.problem("FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59), START, "UTC"))
			.hasValue("BYSECOND may hold one value: occurrences must be at least a minute apart");
		assertThat(Recurrence.problem("FREQ=DAILY;COUNT=2000000000", START, "UTC"))
			.hasValue("COUNT must be at most 10000; for a longer series use UNTIL or no end");
		assertThat(Recurrence.problem("FREQ=DAILY;INTERVAL=2147483647", START, "UTC"))
			.hasValue("INTERVAL must be at most 1000");
		assertThat(Recurrence.problem("FREQ=SECONDLY", START, "UTC"))
			.hasValue("FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
		assertThat(Recurrence.problem("FREQ=DAILY;COUNT=10000;BYSECOND=30", START, "UTC")).isEmpty();
	}

	@Test
	void aRuleTheLibraryRefusesIsExplainedInTheHubsOwnWords() {
		for (String rule : List.of("FREQ=FOO", "FREQ=DAILY;BYSETPOS=1000", "FREQ=DAILY;COUNT=x", "BYDAY=MO",
				"FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;UNTIL=2027")) {
			assertThat(Recurrence.problem(rule, START, "UTC")).as(rule)
				.hasValue("is not a valid RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");
		}
		assertThat(Recurrence.problem("FREQ=MONTHLY;BYDAY=10MO", START, "UTC")).hasValueSatisfying(
				(message) -> assertThat(message).startsWith("the rule yields no occurrences").doesNotContain("dmfs"));
	}

	@Test
	void aYearlyRuleThatExpandsToEveryDayIsServedAndATooDenseOneIsNotCalledEmpty() {
		Instant lateInTheYear = Instant.parse("2027-12-20T09:00:00Z");
		String everyDay = "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31);
		String everyHour = "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + range(0, 23);

		assertThat(Recurrence.problem(everyDay, lateInTheYear, "UTC")).isEmpty();
		assertThat(Recurrence.of(everyDay, lateInTheYear, lateInTheYear.plusSeconds(60), "UTC", List.of())
			.between(lateInTheYear, lateInTheYear.plus(Duration.ofDays(30)), 100)).hasSize(30)
			.allSatisfy((occurrence) -> assertThat(occurrence.start().atOffset(ZoneOffset.UTC).toLocalTime())
				.isEqualTo(LocalTime.of(9, 0)));
		assertThat(Recurrence.problem(everyHour, lateInTheYear, "UTC"))
			.hasValue("the rule makes more than 4000 occurrences in one year; use fewer BYxxx values");
	}

	@Test
	void farOccurrencesOfTheDensestAcceptedSeriesAreReachedWithinTheBudget() {
		Instant since1970 = Instant.parse("1970-01-01T00:00:00Z");
		Recurrence everyMinute = Recurrence.of("FREQ=HOURLY;BYMINUTE=" + range(0, 59), since1970,
				since1970.plusSeconds(30), "UTC", List.of());
		Recurrence counted = Recurrence.of("FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ";COUNT=10000", since1970,
				since1970.plusSeconds(30), "UTC", List.of());
		Instant far = Instant.parse("2199-06-01T00:00:00Z");

		// each would throw Budget.ExpansionLimitException past the standard two seconds
		assertThat(everyMinute.firstStartingAtOrAfter(far))
			.hasValueSatisfying((occurrence) -> assertThat(occurrence.start()).isEqualTo(far));
		assertThat(counted.firstStartingAtOrAfter(far)).isEmpty();
		assertThat(counted.continuedFrom(since1970.plus(Duration.ofMinutes(9_000)))).matches(".*COUNT=1000(;.*)?");
	}

	@Test
	void aWalkStopsWhenItsBudgetOfInstancesOrTimeIsSpent() {
		Recurrence daily = Recurrence.of("FREQ=DAILY", START, START.plusSeconds(60), "UTC", List.of());
		Instant yearLater = START.plus(Duration.ofDays(365));

		assertThat(daily.between(START, yearLater, 1000, Budget.of(400, Duration.ofMinutes(1)))).hasSize(365);
		assertThatExceptionOfType(Budget.ExpansionLimitException.class)
			.isThrownBy(() -> daily.between(START, yearLater, 1000, Budget.of(100, Duration.ofMinutes(1))));
		assertThatExceptionOfType(Budget.ExpansionLimitException.class)
			.isThrownBy(() -> daily.between(START, yearLater, 1000, Budget.of(1_000_000, Duration.ZERO)));
	}

	private static String range(int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj(Integer::toString).collect(Collectors.joining(","));
	}

}
