package hub.ameen.scheduler.recurrence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecurrenceTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

	@Test
	void weeklyMeetingStaysAtNineLocalAcrossBothNewYorkDaylightSavingChanges() {
		// DST starts 2026-03-08 and ends 2026-11-01 in New York
		Instant start = at(NEW_YORK, "2026-02-23T09:00");
		Recurrence weekly = Recurrence.of("FREQ=WEEKLY;BYDAY=MO", start, start.plus(Duration.ofHours(1)),
				NEW_YORK.getId(), List.of());

		List<Occurrence> all = weekly.between(start, at(NEW_YORK, "2026-11-17T00:00"), 100);

		assertThat(all).hasSize(39);
		assertThat(all).allSatisfy((occurrence) -> {
			ZonedDateTime local = occurrence.start().atZone(NEW_YORK);
			assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
			assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
			assertThat(Duration.between(occurrence.start(), occurrence.end())).isEqualTo(Duration.ofHours(1));
		});
		assertThat(all.get(1).start()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
		assertThat(all.get(2).start()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
		assertThat(all.get(35).start()).isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
		assertThat(all.get(36).start()).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
	}

	@Test
	void dailyRiyadhEventKeepsItsUtcTimeWhileOtherZonesChange() {
		Instant start = at(RIYADH, "2026-03-06T09:00");
		Recurrence daily = Recurrence.of("FREQ=DAILY;COUNT=5", start, start.plus(Duration.ofMinutes(30)),
				RIYADH.getId(), List.of());

		List<Occurrence> all = daily.between(start, FAR, 100);

		assertThat(all).extracting(Occurrence::start)
			.containsExactly(Instant.parse("2026-03-06T06:00:00Z"), Instant.parse("2026-03-07T06:00:00Z"),
					Instant.parse("2026-03-08T06:00:00Z"), Instant.parse("2026-03-09T06:00:00Z"),
					Instant.parse("2026-03-10T06:00:00Z"));
	}

	@Test
	void byDayExpandsEveryListedWeekday() {
		Instant start = at(RIYADH, "2026-06-01T10:00");
		Recurrence rule = Recurrence.of("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6", start, start.plusSeconds(3600),
				RIYADH.getId(), List.of());

		assertThat(localDates(rule, RIYADH)).containsExactly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 3),
				LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 10),
				LocalDate.of(2026, 6, 12));
	}

	@Test
	void bySetPosPicksTheLastWeekdayOfEachMonth() {
		Instant start = at(NEW_YORK, "2026-01-30T16:00");
		Recurrence rule = Recurrence.of("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4", start,
				start.plusSeconds(1800), NEW_YORK.getId(), List.of());

		assertThat(localDates(rule, NEW_YORK)).containsExactly(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 27),
				LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
		assertThat(rule.between(start, FAR, 10)).extracting((o) -> o.start().atZone(NEW_YORK).toLocalTime())
			.containsOnly(LocalTime.of(16, 0));
	}

	@Test
	void bySetPosPicksTheSecondTuesday() {
		Instant start = at(RIYADH, "2026-01-13T09:00");
		Recurrence rule = Recurrence.of("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=3", start, start.plusSeconds(3600),
				RIYADH.getId(), List.of());

		assertThat(localDates(rule, RIYADH)).containsExactly(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 2, 10),
				LocalDate.of(2026, 3, 10));
	}

	@Test
	void byMonthAndByMonthDayAndIntervalAndUntil() {
		Instant start = at(NEW_YORK, "2026-03-15T12:00");
		Recurrence rule = Recurrence.of("FREQ=YEARLY;INTERVAL=2;BYMONTH=3;BYMONTHDAY=15;UNTIL=20320101T000000Z", start,
				start.plusSeconds(3600), NEW_YORK.getId(), List.of());

		assertThat(localDates(rule, NEW_YORK)).containsExactly(LocalDate.of(2026, 3, 15), LocalDate.of(2028, 3, 15),
				LocalDate.of(2030, 3, 15));
	}

	@Test
	void weekStartChangesWhichDaysFallInTheSameWeek() {
		// the RFC 5545 example: WKST=MO and WKST=SU give different sets
		Instant start = at(NEW_YORK, "1997-08-05T09:00");
		Recurrence monday = Recurrence.of("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", start,
				start.plusSeconds(3600), NEW_YORK.getId(), List.of());
		Recurrence sunday = Recurrence.of("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", start,
				start.plusSeconds(3600), NEW_YORK.getId(), List.of());

		assertThat(localDates(monday, NEW_YORK)).extracting(LocalDate::getDayOfMonth).containsExactly(5, 10, 19, 24);
		assertThat(localDates(sunday, NEW_YORK)).extracting(LocalDate::getDayOfMonth).containsExactly(5, 17, 19, 31);
	}

	@Test
	void exdateRemovesAnOccurrenceButStillCountsTowardsCount() {
		Instant start = at(NEW_YORK, "2026-10-26T09:00");
		Instant excluded = at(NEW_YORK, "2026-11-02T09:00");
		Recurrence rule = Recurrence.of("FREQ=WEEKLY;COUNT=4", start, start.plusSeconds(3600), NEW_YORK.getId(),
				List.of(excluded));

		assertThat(rule.between(start, FAR, 10)).extracting(Occurrence::start)
			.containsExactly(start, at(NEW_YORK, "2026-11-09T09:00"), at(NEW_YORK, "2026-11-16T09:00"));
		assertThat(rule.occursAt(excluded)).isFalse();
		assertThat(rule.occursAt(at(NEW_YORK, "2026-11-09T09:00"))).isTrue();
		assertThat(rule.firstStartingAfter(start).orElseThrow().start()).isEqualTo(at(NEW_YORK, "2026-11-09T09:00"));
	}

	@Test
	void thisAndFollowingSplitsTheSeriesWithoutLosingOrRepeatingAnOccurrence() {
		Instant start = at(RIYADH, "2026-05-01T08:00");
		Recurrence series = Recurrence.of("FREQ=DAILY;COUNT=10", start, start.plusSeconds(900), RIYADH.getId(),
				List.of());
		Instant fourth = at(RIYADH, "2026-05-04T08:00");

		Recurrence before = Recurrence.of(series.truncatedBefore(fourth), start, start.plusSeconds(900), RIYADH.getId(),
				List.of());
		Recurrence after = Recurrence.of(series.continuedFrom(fourth), fourth, fourth.plusSeconds(900), RIYADH.getId(),
				List.of());

		assertThat(before.between(start, FAR, 20)).hasSize(3)
			.last()
			.extracting(Occurrence::start)
			.isEqualTo(at(RIYADH, "2026-05-03T08:00"));
		assertThat(after.between(start, FAR, 20)).hasSize(7).first().extracting(Occurrence::start).isEqualTo(fourth);
		assertThat(series.continuedFrom(fourth)).contains("COUNT=7");
		assertThat(series.truncatedBefore(fourth)).contains("UNTIL=20260504T045959Z").doesNotContain("COUNT");
	}

	@Test
	void windowIncludesAnOccurrenceThatStartedBeforeItAndEndsInside() {
		Instant start = Instant.parse("2026-01-01T22:00:00Z");
		Recurrence rule = Recurrence.of("FREQ=DAILY", start, start.plus(Duration.ofHours(4)), "UTC", List.of());

		List<Occurrence> found = rule.between(Instant.parse("2026-01-05T00:00:00Z"),
				Instant.parse("2026-01-06T00:00:00Z"), 10);

		assertThat(found).extracting(Occurrence::start)
			.containsExactly(Instant.parse("2026-01-04T22:00:00Z"), Instant.parse("2026-01-05T22:00:00Z"));
	}

	@Test
	void infiniteSeriesFastForwardsFarIntoTheFuture() {
		Instant start = at(NEW_YORK, "2020-01-06T09:00");
		Recurrence weekly = Recurrence.of("FREQ=WEEKLY;BYDAY=MO", start, start.plusSeconds(3600), NEW_YORK.getId(),
				List.of());

		Occurrence next = weekly.firstStartingAtOrAfter(Instant.parse("2090-07-01T00:00:00Z")).orElseThrow();

		assertThat(next.start().atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(next.start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		assertThat(next.start()).isBetween(Instant.parse("2090-07-01T00:00:00Z"),
				Instant.parse("2090-07-08T00:00:00Z"));
	}

	@Test
	void finiteSeriesEnds() {
		Instant start = Instant.parse("2026-01-01T10:00:00Z");
		Recurrence rule = Recurrence.of("RRULE:FREQ=DAILY;COUNT=2", start, start.plusSeconds(60), "UTC", List.of());

		assertThat(rule.firstEndingAtOrAfter(Instant.parse("2026-01-02T10:00:30Z"))).isPresent();
		assertThat(rule.firstEndingAtOrAfter(Instant.parse("2026-01-02T10:01:01Z"))).isEmpty();
	}

	@Test
	void singleEventHasOneOccurrence() {
		Instant start = Instant.parse("2026-01-01T10:00:00Z");
		Recurrence single = Recurrence.of(null, start, start.plusSeconds(60), "UTC", List.of());

		assertThat(single.isRecurring()).isFalse();
		assertThat(single.between(start.minusSeconds(3600), FAR, 10))
			.containsExactly(new Occurrence(start, start.plusSeconds(60)));
		assertThat(single.firstStartingAfter(start)).isEmpty();
	}

	@Test
	void invalidRulesAreExplained() {
		Instant start = Instant.parse("2026-01-01T10:00:00Z");

		assertThat(Recurrence.problem("FREQ=FOO", start, "UTC"))
			.hasValueSatisfying((message) -> assertThat(message).contains("not a valid RRULE"));
		assertThat(Recurrence.problem("FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z", start, "UTC")).isPresent();
		assertThat(Recurrence.problem("FREQ=MINUTELY", start, "UTC"))
			.hasValue("FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY");
		assertThat(Recurrence.problem("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start, "UTC"))
			.hasValue("the rule yields no occurrences, or too rarely to find the next one");
		assertThat(Recurrence.problem("FREQ=WEEKLY;BYDAY=MO", start, "UTC")).isEmpty();
		assertThatExceptionOfType(Recurrence.InvalidRuleException.class)
			.isThrownBy(() -> Recurrence.of(null, start, start.plusSeconds(1), "Mars/Olympus", List.of()));
	}

	private static List<LocalDate> localDates(Recurrence recurrence, ZoneId zone) {
		return recurrence.between(Instant.EPOCH, FAR, 100)
			.stream()
			.map((occurrence) -> occurrence.start().atZone(zone).toLocalDate())
			.toList();
	}

	private static Instant at(ZoneId zone, String local) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
