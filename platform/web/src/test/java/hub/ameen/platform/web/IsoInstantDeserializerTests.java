package hub.ameen.platform.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantDeserializerTests {

	private static final List<String> ODD_ONES = List.of("2026-12-05T15:04:05Z", "2026-12-05T15:04:05.1Z",
			"2026-12-05T15:04:05.123456789Z", "2026-12-05T15:04:05.1234567890Z", "2026-12-05T15:04:05.Z",
			"2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
			"2026-00-01T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-05T24:00:00Z", "2026-12-05T23:60:00Z",
			"2026-12-31T23:59:60Z", "2026-12-05t15:04:05z", "2026-12-05T15:04:05+00:00", "2026-12-05T15:04:05+02:00",
			"2026-12-05T15:04:05", "2026-12-05 15:04:05Z", " 2026-12-05T15:04:05Z", "2026-12-05T15:04:05Z ",
			"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
			"2026-12-05T15:04:5Z", "2026-12-05T15:04:05.12a4Z", "2026-1a-05T15:04:05Z", "２０２６-12-05T15:04:05Z",
			"1700000000", "1700000000.5", "", "  ", "not a date");

	private final JsonMapper jackson = JsonMapper.builder().build();

	private final JsonMapper ours = JsonMapper.builder()
		.addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer()))
		.build();

	record Stamped(Instant at) {
	}

	@Test
	void everyStringReadsAsJacksonReadsIt() {
		List<String> strings = new ArrayList<>(ODD_ONES);
		Random random = new Random(20261205);
		for (int i = 0; i < 5_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
					(i % 3 == 0) ? 0 : random.nextInt(1_000_000_000));
			strings.add(instant.toString());
			strings.add(this.jackson.writeValueAsString(instant).replace("\"", ""));
		}
		int fast = 0;
		for (String string : strings) {
			String json = this.jackson.writeValueAsString(string);
			assertThat(read(this.ours, json, Instant.class)).as(string)
				.isEqualTo(read(this.jackson, json, Instant.class));
			String record = "{\"at\":" + json + "}";
			assertThat(read(this.ours, record, Stamped.class)).as(string)
				.isEqualTo(read(this.jackson, record, Stamped.class));
			fast += (IsoInstantDeserializer.parse(string) != null) ? 1 : 0;
		}
		assertThat(fast).as("strings read without DateTimeFormatter").isGreaterThan(10_000);
	}

	@Test
	void onlyTheFormInstantsAreWrittenInIsReadByHand() {
		assertThat(IsoInstantDeserializer.parse("2026-12-05T15:04:05.120Z"))
			.isEqualTo(Instant.parse("2026-12-05T15:04:05.120Z"));
		assertThat(IsoInstantDeserializer.parse("2024-02-29T23:59:59Z"))
			.isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
		for (String other : List.of("2026-12-05T15:04:05+00:00", "2026-12-05t15:04:05z", "2026-02-29T00:00:00Z",
				"2026-12-31T23:59:60Z", "1700000000", "")) {
			assertThat(IsoInstantDeserializer.parse(other)).as(other).isNull();
		}
	}

	@Test
	void aDateTheJvmWouldNotAcceptIsJacksonsErrorNotOurs() {
		String json = "{\"at\":\"2026-02-30T00:00:00Z\"}";
		assertThat(read(this.ours, json, Stamped.class)).isInstanceOf(Failure.class)
			.isEqualTo(read(this.jackson, json, Stamped.class));
	}

	@Test
	void theDeserializerJacksonFindsForAnInstantIsThisOne() {
		assertThat(Probe.instants(this.ours)).isInstanceOf(IsoInstantDeserializer.class);
		assertThat(Probe.instants(this.jackson)).isNotInstanceOf(IsoInstantDeserializer.class);
	}

	private static Object read(JsonMapper mapper, String json, Class<?> type) {
		try {
			return mapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			return new Failure(ex.getClass().getName(), ex.getOriginalMessage());
		}
	}

	record Failure(String type, String message) {
	}

	/** What deserializer a mapper uses for a root {@link Instant}. */
	static final class Probe extends JsonMapper {

		private Probe(JsonMapper.Builder builder) {
			super(builder);
		}

		static ValueDeserializer<Object> instants(JsonMapper mapper) {
			Probe probe = new Probe(mapper.rebuild());
			return probe._deserializationContext().findRootValueDeserializer(probe.constructType(Instant.class));
		}

	}

}
