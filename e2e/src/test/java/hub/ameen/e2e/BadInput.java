package hub.ameen.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;

import hub.ameen.e2e.Endpoints.Endpoint;

/**
 * jqwik generators of bad requests from one valid request per endpoint and caller:
 * wrongly typed, huge, oddly encoded or out-of-range field values (dates, zones, RRULEs,
 * ids), malformed, deeply nested and oversized bodies, wrong content types, odd paths,
 * bad query values and odd methods. Values are raw JSON text, so that lone surrogates,
 * NUL and numbers out of every range reach the server as written.
 */
final class BadInput {

	/**
	 * A valid request of one endpoint, resolved for one caller.
	 *
	 * @param endpoint what it calls
	 * @param bearer the caller's token
	 * @param path the valid path and query
	 * @param body the valid JSON body, or null
	 * @param ids the ids in the path, to be replaced by bad ones
	 */
	record Base(Endpoint endpoint, String bearer, String path, String body, List<String> ids) {
	}

	/**
	 * One generated request and what it varied.
	 *
	 * @param endpoint the endpoint it was generated from
	 * @param kind what was varied
	 * @param call the request
	 */
	record Generated(Endpoint endpoint, String kind, Api.Call call) {
	}

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	/**
	 * Stands for bytes that are not UTF-8 (an overlong form and an encoded surrogate).
	 */
	private static final char NOT_UTF8 = '\uE000';

	private static final String FIELD = "\"\\u0000FUZZ\\u0000\"";

	private BadInput() {
	}

	/**
	 * One generator per valid request, made once: sampling a prepared generator is cheap,
	 * making one per sample is not.
	 */
	static List<RandomGenerator<Generated>> generators(List<Base> bases, int genSize) {
		return bases.stream().map((base) -> variations(base).generator(genSize)).toList();
	}

	private static Arbitrary<Generated> variations(Base base) {
		List<Tuple.Tuple2<Integer, Arbitrary<Generated>>> kinds = new ArrayList<>();
		if (base.endpoint().isUpload()) {
			kinds.addAll(BadUploads.variations(base));
		}
		else if (base.endpoint().isCsv()) {
			kinds.addAll(csvVariations(base));
		}
		else if (base.body() != null) {
			kinds.add(Tuple.of(35,
					Arbitraries.oneOf(fieldNames(base).stream()
						.map((name) -> value(name)
							.map((value) -> json(base, "field " + name, replace(base.body(), name, value))))
						.toList())));
			kinds.add(Tuple.of(15, rawBodies(base.body()).map((body) -> json(base, "body", body))));
			kinds.add(Tuple.of(8, contentTypes().map((type) -> generated(base, "content type",
					new Api.Call(base.endpoint().method(), base.path(), base.bearer(), type, bytes(base.body()))))));
		}
		else {
			kinds.add(Tuple.of(3, rawBodies("{}").map((body) -> json(base, "unexpected body", body))));
		}
		kinds.add(Tuple.of(6, paths(base)
			.map((path) -> generated(base, "path", base.endpoint().call(path, base.body(), base.bearer())))));
		if (!base.endpoint().params().isEmpty()) {
			kinds.add(Tuple.of(15,
					Arbitraries.oneOf(base.endpoint()
						.params()
						.stream()
						.map((param) -> queryValue(param).map((value) -> generated(base, "query " + param,
								new Api.Call(base.endpoint().method(), withParam(base.path(), param, value),
										base.bearer(), null, null))))
						.toList())));
		}
		kinds.add(Tuple.of(5, methods(base.endpoint().method())
			.map((method) -> generated(base, "method", new Api.Call(method, base.path(), base.bearer(), null, null)))));
		return Arbitraries.frequencyOf(kinds);
	}

	/**
	 * A CSV import's bodies that are not the CSV it reads: unclosed quotes, ragged rows,
	 * headers it cannot use, bytes that are not UTF-8, huge cells and rows, formulas,
	 * binary; and the valid CSV under other content types.
	 */
	private static List<Tuple.Tuple2<Integer, Arbitrary<Generated>>> csvVariations(Base base) {
		String valid = base.body();
		Arbitrary<String> odd = Arbitraries.oneOf(
				Arbitraries.of("", "\n", "firstName", "firstName\n", "\"firstName\nAda\n",
						"firstName,email\n\"Never closed,a@example.com\n", "firstName,email\nA,b,c,d,e\nB\n",
						"lastName,email\nX,x@example.com\n", "firstName,firstName\nA,B\n", "firstName,,,\nA,,,\n",
						"firstName\n=cmd|' /C calc'!A0\n", "firstName,email\n@SUM(1+1),+1@example.com\n",
						"firstName\nA\u0000B\n", "\uFEFF" + valid, NOT_UTF8 + valid, "firstName\nJos" + NOT_UTF8 + "\n",
						"firstName;email\nA;a@example.com\n", "firstName\r\nA\rB\n", "\"\"\"\"\"\"\"\"\"",
						"firstName\n" + "x".repeat(60_000) + "\n", "firstName\n\"" + "y\n".repeat(30_000) + "\"\n",
						"firstName," + "c,".repeat(5_000) + "\nA\n", "firstName\n" + "A\n".repeat(5_000)),
				strings().map((text) -> "firstName,email\n" + text + "," + text + "\n"), strings());
		return List.of(
				Tuple.of(40,
						odd.map((body) -> generated(base, "csv body",
								new Api.Call(base.endpoint().method(), base.path(), base.bearer(), Endpoints.CSV,
										bytes(body))))),
				Tuple.of(10, contentTypes().map((type) -> generated(base, "content type",
						new Api.Call(base.endpoint().method(), base.path(), base.bearer(), type, bytes(valid))))));
	}

	private static Generated json(Base base, String kind, String body) {
		return generated(base, kind,
				new Api.Call(base.endpoint().method(), base.path(), base.bearer(), "application/json", bytes(body)));
	}

	static Generated generated(Base base, String kind, Api.Call call) {
		return new Generated(base.endpoint(), kind, call);
	}

	private static List<String> fieldNames(Base base) {
		List<String> names = new ArrayList<>();
		Api.json.readTree(base.body()).propertyNames().forEach(names::add);
		names.add("unknownField");
		return names;
	}

	/** The body with one top-level field's value replaced by raw JSON text. */
	private static String replace(String body, String name, String value) {
		Map<String, Object> fields = Api.json.readValue(body, Map.class);
		fields.put(name, "\u0000FUZZ\u0000");
		return Api.json.writeValueAsString(fields).replace(FIELD, value);
	}

	/** A bad value for a field, chosen by what the field holds. */
	private static Arbitrary<String> value(String name) {
		Arbitrary<String> specific;
		if (name.endsWith("At") || name.equals("exdates")) {
			specific = dates().map((date) -> name.equals("exdates") ? "[" + date + "]" : date);
		}
		else if (name.equals("timeZone")) {
			specific = zones();
		}
		else if (name.equals("recurrence")) {
			specific = rules();
		}
		else if (name.endsWith("Id") || name.endsWith("Ids") || name.equals("id")) {
			specific = ids().map(BadInput::quote).map((id) -> name.endsWith("Ids") ? "[" + id + "]" : id);
		}
		else {
			specific = Arbitraries.oneOf(strings().map(BadInput::quote), arrays());
		}
		return Arbitraries.frequencyOf(List.of(Tuple.of(3, specific), Tuple.of(2, wrongTypes()),
				Tuple.of(2, strings().map(BadInput::quote)), Tuple.of(1, deep(10, 3_000))));
	}

	private static Arbitrary<String> wrongTypes() {
		return Arbitraries.of("123", "-1", "0", "1e999", "-1e999", "9223372036854775808", "-0", "0.5", "true", "false",
				"null", "[]", "{}", "[1,\"a\",null,{}]", "{\"$gt\":\"\"}", "\"\"", "\" \"",
				"{\"title\":{\"title\":{}}}");
	}

	/** Odd and huge text: control characters, RTL overrides, lone surrogates, emoji. */
	static Arbitrary<String> strings() {
		return Arbitraries
			.frequencyOf(
					List.of(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
							Tuple.of(4,
									Arbitraries
										.of("\u202Eevil\u202C.exe", "\u0000", "a\u0000b", "\uD800", "\uDFFF\uD800",
												"\uFEFF", "\uFFFF", "\u200B", "\u0645\u0631\u062D\u0628\u0627 \u202B",
												"\uD835\uDD4F", "\r\nSet-Cookie: x=y", "' OR 1=1 --",
												"<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd",
												"%00", "%s%n%x", " ", "")),
							Tuple.of(2,
									Combinators
										.combine(Arbitraries.integers().between(1_000, 60_000),
												Arbitraries.of("x", "\u202E", "\uD83D\uDE00", "\u0645"))
										.as((n, unit) -> unit.repeat(n)))));
	}

	private static Arbitrary<String> arrays() {
		return Arbitraries.oneOf(Arbitraries.integers().between(21, 5_000).map((n) -> {
			StringBuilder array = new StringBuilder("[");
			for (int i = 0; i < n; i++) {
				array.append((i == 0) ? "" : ",").append("\"v").append(i).append('"');
			}
			return array.append(']').toString();
		}), strings().map((text) -> "[" + quote(text) + "]"), Arbitraries.just("[null]"), Arbitraries.just("[[]]"));
	}

	/** Instants out of every range, in wrong shapes and of impossible dates. */
	static Arbitrary<String> dates() {
		Arbitrary<String> years = Arbitraries.integers()
			.between(-1_000_000_000, 1_000_000_000)
			.map((year) -> quote(((year < 0) ? "-" : (year > 9999) ? "+" : "") + String.format("%04d", Math.abs(year))
					+ "-06-15T12:00:00Z"));
		Arbitrary<String> odd = Arbitraries
			.of("2026-13-45T00:00:00Z", "2026-02-30T00:00:00Z", "+1000000000-01-01T00:00:00Z",
					"-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z",
					"1969-12-31T23:59:59Z", "2200-01-01T00:00:01Z", "2026-12-02", "2026-12-02T10:00:00+25:00",
					"2026-12-02T10:00:00", "yesterday", "", "0000-00-00T00:00:00Z", "2026-12-02T10:00:00.0000000001Z")
			.map(BadInput::quote);
		return Arbitraries.oneOf(years, odd, Arbitraries.of("1e20", "-9223372036854775808", "253402300800000"));
	}

	static Arbitrary<String> zones() {
		return Arbitraries.oneOf(Arbitraries
			.of("Mars/Olympus", "../../etc/passwd", "UTC+99", "", "GMT+14:01", "Etc/GMT-14", "+18:00", "-18:01",
					"SystemV/AST4", "utc", "Z", "EST", "Asia/Riyadh\u0000", "America/")
			.map(BadInput::quote), strings().map(BadInput::quote));
	}

	/** Malformed RRULEs; rules that are well formed but costly are the limits suite's. */
	static Arbitrary<String> rules() {
		Arbitrary<String> fixed = Arbitraries.of("FREQ=", "FREQ=SOMETIMES", "FREQ=DAILY;INTERVAL=0",
				"FREQ=DAILY;INTERVAL=-1", "FREQ=DAILY;COUNT=-5", "FREQ=DAILY;COUNT=0",
				"FREQ=DAILY;UNTIL=99999999T999999Z", "FREQ=DAILY;UNTIL=+1000000000", "FREQ=DAILY;BYDAY=XX",
				"FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=YEARLY;BYMONTH=13", "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU",
				"RRULE:FREQ=DAILY", "FREQ=DAILY;COUNT=1;UNTIL=20270101T000000Z", "FREQ=DAILY;BYSETPOS=0",
				"FREQ=DAILY;WKST=XX", "FREQ=YEARLY;BYWEEKNO=54", "FREQ=DAILY;COUNT=99999999999999999999",
				"FREQ=MONTHLY;BYDAY=+54MO", "FREQ=DAILY;X-NAME=1", ";;;;", "FREQ=DAILY\u0000",
				"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=DAILY;INTERVAL=99999999999");
		Arbitrary<String> values = Arbitraries.strings().withChars("0123456789-+,;=AZMOTUDYLX").ofMaxLength(12);
		Arbitrary<String> keys = Arbitraries.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
				"BYSETPOS", "WKST", "BYHOUR", "BYYEARDAY");
		Arbitrary<String> parts = Combinators.combine(keys, values)
			.as((key, value) -> key + "=" + value)
			.list()
			.ofMinSize(1)
			.ofMaxSize(6)
			.map((list) -> String.join(";", list));
		return Arbitraries.oneOf(fixed, parts, strings()).map(BadInput::quote);
	}

	/** Ids that are not ids: empty, traversal, NUL, huge, unicode. */
	static Arbitrary<String> ids() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "..", ".", "../..", "%2F..%2F", "null", "-1", "0", "\u0000", "a".repeat(5_000),
						"$where", "*", "01ARZ3NDEKTSV4RRFFQ69G5FAV", "\uD83D\uDE80", "\uD800", "me", "roles"),
				Arbitraries.strings().all().ofMaxLength(80));
	}

	private static Arbitrary<String> deep(int min, int max) {
		return Combinators.combine(Arbitraries.integers().between(min, max), Arbitraries.of(true, false))
			.as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
					: "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
	}

	/** Bodies that are not the JSON object the endpoint reads. */
	private static Arbitrary<String> rawBodies(String valid) {
		return Arbitraries.oneOf(
				Arbitraries.integers()
					.between(0, Math.max(0, valid.length() - 1))
					.map((cut) -> valid.substring(0, cut)),
				Arbitraries.of("", "null", "[]", "42", "\"text\"", "not json", "{", "}", "{\"a\":}", "{'a':1}",
						"{\"a\":1,}", "\uFEFF" + valid, valid + valid, "{\"title\":\"a\",\"title\":{}}",
						"<?xml version=\"1.0\"?><a/>", "a=1&b=2", "{\"a\":NaN}", "{\"a\":Infinity}",
						"{\"a\":\"\\uD800\"}", "{\"a\":\"\\u0000\"}", "{\"title\":\"" + NOT_UTF8 + "\"}",
						NOT_UTF8 + valid),
				deep(500, 20_000),
				Arbitraries.integers()
					.between(300_000, 1_500_000)
					.map((size) -> "{\"title\":\"" + "x".repeat(size) + "\"}"));
	}

	static Arbitrary<String> contentTypes() {
		return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
				"application/json;charset=utf-7", "*/*", "application/problem+json", "application/json, text/html",
				"application/octet-stream", "x", "application/", "text/event-stream");
	}

	/** The path with an id replaced, or made odd. */
	private static Arbitrary<String> paths(Base base) {
		String path = base.path();
		String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		List<Arbitrary<String>> choices = new ArrayList<>();
		choices.add(Arbitraries.of(plain.replaceFirst("^/api/", "/api//"), plain + "/", plain + "//",
				plain + "/..%2F..%2Fetc%2Fpasswd", plain + "/%2e%2e/%2e%2e/actuator/env", plain.toUpperCase(),
				plain + ";jsessionid=x", plain + "/%00", plain + "/%ED%A0%80", "/" + plain,
				plain.replace("/api/", "/api/./"), plain + "/../" + plain.substring(plain.lastIndexOf('/') + 1),
				plain + "?limit=1&limit=2", plain + "/x/y/z/" + "a/".repeat(200), plain + "/" + "%25".repeat(2_000),
				plain + "/%E2%80%AE"));
		for (String id : base.ids()) {
			choices.add(ids().map((bad) -> path.replace(id, encode(bad))));
		}
		return Arbitraries.oneOf(choices);
	}

	private static Arbitrary<String> queryValue(String param) {
		return switch (param) {
			case "limit" -> Arbitraries.oneOf(
					Arbitraries.of("100000", "-1", "0", "abc", "1e3", "2147483648", "", "1.5", "99999999999999999999"),
					Arbitraries.integers().map(String::valueOf));
			case "from", "to", "occurrence" -> dates().map((date) -> date.replace("\"", ""));
			default -> ids();
		};
	}

	private static String withParam(String path, String param, String value) {
		String plain = path.replaceAll("([?&])" + param + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
		return plain + (plain.contains("?") ? "&" : "?") + param + "=" + encode(value);
	}

	private static Arbitrary<String> methods(String method) {
		return Arbitraries
			.of("TRACE", "OPTIONS", "HEAD", "PROPFIND", "FOO", "get", "PUT", "DELETE", "PATCH", "POST", "GET")
			.filter((odd) -> !odd.equals(method));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A JSON string whose every character outside printable ASCII is escaped. */
	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				quoted.append("\\u")
					.append(HEX[(c >> 12) & 0xf])
					.append(HEX[(c >> 8) & 0xf])
					.append(HEX[(c >> 4) & 0xf])
					.append(HEX[c & 0xf]);
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private static byte[] bytes(String body) {
		if (body == null) {
			return null;
		}
		String[] parts = body.split(String.valueOf(NOT_UTF8), -1);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(body.length());
		for (int i = 0; i < parts.length; i++) {
			bytes.writeBytes((i == 0) ? new byte[0]
					: new byte[] { (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF });
			bytes.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
