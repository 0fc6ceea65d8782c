package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import hub.ameen.scheduler.calendar.InvalidEventException.FieldError;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of a new event, of a change to one and of an event as a whole, without
 * Spring: each bad field is named as the JSON body names it, and all are reported at
 * once.
 */
class EventRequestsTests {

	static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	static final Validator validator = factory.getValidator();

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	static final Instant NINE = Instant.parse("2027-01-01T09:00:00Z");

	static final Instant TEN = Instant.parse("2027-01-01T10:00:00Z");

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void everyBadFieldOfANewEventAndEveryBrokenRuleAreReportedTogether() {
		CreateEventRequest request = new CreateEventRequest(" ", null, null, TEN, NINE, "Mars/Olympus", null, null,
				null, List.of(new Reminder(40_321), new Reminder(-1)), null, null);

		assertThat(fieldsOfNew(request)).containsExactlyInAnyOrder("title", "endsAt", "timeZone",
				"reminders[0].minutesBefore", "reminders[1].minutesBefore");
	}

	@Test
	void aNewEventNeedsATitleAndBothTimes() {
		CreateEventRequest request = new CreateEventRequest(null, null, null, NINE, null, null, null, null, null, null,
				null, null);

		assertThat(fieldsOfNew(request)).containsExactlyInAnyOrder("title", "endsAt");
	}

	@Test
	void listsAndTextsHaveBoundsAndTheirEntriesAreNamedByPosition() {
		CreateEventRequest request = new CreateEventRequest("T".repeat(201), null, "L".repeat(501), NINE, TEN,
				"Z".repeat(100), null, null, List.of(Instant.parse("2400-01-01T00:00:00Z")),
				Collections.nCopies(1, new Reminder(null)),
				IntStream.range(0, 201).mapToObj((i) -> "user-" + i).toList(), null);

		assertThat(fieldsOfNew(request)).containsExactlyInAnyOrder("title", "location", "timeZone", "exdates[0]",
				"reminders[0].minutesBefore", "attendeeIds");
		CreateEventRequest longAttendee = new CreateEventRequest("Call", null, null, NINE, TEN, null, null, null, null,
				null, List.of("ok", " ", "a".repeat(101)), null);
		assertThat(fieldsOfNew(longAttendee)).containsExactly("attendeeIds[1]", "attendeeIds[2]");
	}

	@Test
	void repeatsCollapseBeforeTheyAreCounted() {
		CreateEventRequest request = new CreateEventRequest("  Call  ", "", null, NINE, TEN, null, null, "", null,
				Collections.nCopies(25, new Reminder(15)), List.of(" u1 ", "u1"), null);

		assertThat(fieldsOfNew(request)).isEmpty();
		CalendarEvent event = request.toEvent("e-1", "creator", NOW);
		assertThat(event.title()).isEqualTo("Call");
		assertThat(event.description()).isNull();
		assertThat(event.recurrence()).isNull();
		assertThat(event.timeZone()).isEqualTo("UTC");
		assertThat(event.status()).isEqualTo(EventStatus.SCHEDULED);
		assertThat(event.reminders()).containsExactly(new Reminder(15));
		assertThat(event.attendeeIds()).containsExactly("u1");
		assertThat(event.creatorId()).isEqualTo("creator");
		assertThat(event.createdAt()).isEqualTo(NOW).isEqualTo(event.updatedAt());
	}

	@Test
	void aRuleTheHubWillNotExpandIsRefusedInItsOwnWords() {
		assertThat(rulesBroken(event(NINE, TEN, "FREQ=SOMETIMES"))).singleElement()
			.isEqualTo(new FieldError("recurrence", "is not a valid RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"));
		assertThat(rulesBroken(event(NINE, TEN, "FREQ=DAILY;COUNT=2000000000"))).singleElement()
			.isEqualTo(new FieldError("recurrence",
					"COUNT must be at most 10000; for a longer series use UNTIL or no end"));
		assertThat(rulesBroken(event(NINE, TEN, "FREQ=DAILY;BYDAY=" + "MO,".repeat(200) + "TU")))
			.extracting(FieldError::message)
			.containsExactly("must be at most 500 characters");
		assertThat(rulesBroken(event(NINE, TEN, "FREQ=WEEKLY;BYDAY=MO"))).isEmpty();
	}

	@Test
	void anEventEndsAfterItStartsWithinAYearAndStartsBetween1970And2200() {
		assertThat(rulesBroken(event(TEN, NINE, null)))
			.containsExactly(new FieldError("endsAt", "must be after startsAt"));
		assertThat(rulesBroken(event(NINE, NINE.plusSeconds(367L * 86_400), null)))
			.containsExactly(new FieldError("endsAt", "must be at most 366 days after startsAt"));
		Instant far = Instant.parse("2300-01-01T00:00:00Z");
		assertThat(rulesBroken(event(far, far.plusSeconds(60), null)))
			.containsExactly(new FieldError("startsAt", "must be between 1970 and 2200"));
	}

	@Test
	void aChangeIsCheckedFieldByFieldAndThenAsTheWholeEvent() {
		PatchEventRequest blank = new PatchEventRequest("  ", null, null, null, null, null, null, null, null, null,
				null, null);
		assertThat(EventRules.fields(validator.validate(blank))).extracting(FieldError::field).containsExactly("title");
		PatchEventRequest nothing = new PatchEventRequest(null, null, null, null, null, null, null, null, null, null,
				null, null);
		assertThat(validator.validate(nothing)).isEmpty();

		PatchEventRequest earlier = new PatchEventRequest(null, null, null, null, NINE.minusSeconds(3600), null, null,
				null, null, null, null, null);
		assertThat(validator.validate(earlier)).isEmpty();
		assertThatThrownBy(() -> EventRules.check(earlier.applyTo(event(NINE, TEN, null))))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("endsAt");
	}

	@Test
	void aChangeReplacesOnlyWhatItNamesAndAnEmptyTextClearsIt() {
		CalendarEvent current = new CreateEventRequest("Sync", "notes", "Room 4", NINE, TEN, "Asia/Riyadh", null,
				"FREQ=WEEKLY", null, List.of(new Reminder(15)), List.of("u2"), null)
			.toEvent("e-1", "u1", NOW);

		CalendarEvent changed = new PatchEventRequest(" Planning ", "", null, null, null, null, null, " ", null, null,
				null, EventStatus.CANCELLED)
			.applyTo(current);

		assertThat(changed.title()).isEqualTo("Planning");
		assertThat(changed.description()).isNull();
		assertThat(changed.location()).isEqualTo("Room 4");
		assertThat(changed.recurrence()).isNull();
		assertThat(changed.reminders()).isEqualTo(current.reminders());
		assertThat(changed.status()).isEqualTo(EventStatus.CANCELLED);
		assertThat(changed.creatorId()).isEqualTo("u1");
	}

	@Test
	void anEventThatExcludesTooManyOccurrencesIsRefused() {
		CalendarEvent series = event(NINE, TEN, "FREQ=DAILY");
		List<Instant> holes = IntStream.range(1, 1002).mapToObj((i) -> NINE.plusSeconds(86_400L * i)).toList();
		CalendarEvent excluded = series.withRecurrence(series.recurrence(), holes);

		assertThatThrownBy(() -> EventRules.check(excluded)).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("exdates");
	}

	private static List<String> fieldsOfNew(CreateEventRequest request) {
		try {
			EventRules.checkNew(validator.validate(request), request.toEvent("e-1", "u1", NOW));
			return List.of();
		}
		catch (InvalidEventException ex) {
			return ex.errors().stream().map(FieldError::field).toList();
		}
	}

	private static List<FieldError> rulesBroken(CalendarEvent event) {
		return EventRules.acrossFields(event);
	}

	private static CalendarEvent event(Instant start, Instant end, String rule) {
		return new CreateEventRequest("Event", null, null, start, end, "UTC", null, rule, null, null, null, null)
			.toEvent("e-1", "u1", NOW);
	}

}
