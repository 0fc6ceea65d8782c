package hub.ameen.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Jackson's {@link Instant} deserializer, reading the form every instant is written in
 * ({@code 2026-12-05T15:04:05.123Z}: what {@link Instant#toString()} and Jackson write)
 * without {@link DateTimeFormatter}, and anything else as Jackson does.
 * <p>
 * {@code DateTimeFormatter.ISO_INSTANT} builds a map of parsed fields and resolves it for
 * every value: the two instants of a contact read from its store were 3 % of the CPU a
 * contact by id took (decision 0007, twentieth round). Here a string of exactly that
 * form, with a valid date and a time of day from 00:00:00 to 23:59:59, is taken apart by
 * hand; every other string (lower-case letters, offsets, leap seconds, numbers in a
 * string, blanks, invalid dates) and every other token goes to Jackson's own
 * deserializer, so values and errors are Jackson's.
 */
final class IsoInstantDeserializer extends InstantDeserializer<Instant> {

	private static final int[] NANOS_PER_DIGIT = { 0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
			10, 1 };

	IsoInstantDeserializer() {
		super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
	}

	@Override
	protected Instant _fromString(JsonParser parser, DeserializationContext context, String string) {
		// Jackson's time-zone adjustment of an instant is the identity: nothing skipped
		Instant instant = parse(string);
		return (instant != null) ? instant : super._fromString(parser, context, string);
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant, or null for any other string.
	 */
	static Instant parse(String string) {
		int length = string.length();
		if (length < 20 || length > 30 || string.charAt(4) != '-' || string.charAt(7) != '-' || string.charAt(10) != 'T'
				|| string.charAt(13) != ':' || string.charAt(16) != ':' || string.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(string, 0, 4);
		int month = digits(string, 5, 2);
		int day = digits(string, 8, 2);
		int hour = digits(string, 11, 2);
		int minute = digits(string, 14, 2);
		int second = digits(string, 17, 2);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (string.charAt(19) != '.' || fractionDigits < 1) {
				return null;
			}
			int fraction = digits(string, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction * NANOS_PER_DIGIT[fractionDigits];
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
	}

	/** The decimal number of {@code count} ASCII digits from {@code from}, or -1. */
	private static int digits(String string, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = string.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
