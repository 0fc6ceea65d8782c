package hub.ameen.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The envelope's wire form and the topic names.
 */
class EventEnvelopeTests {

	record UserCreated(String email, String displayName, List<String> roles) {
	}

	/** What a consumer keeps of the payload: fewer fields than the producer wrote. */
	record Member(String email) {
	}

	final JsonMapper mapper = JsonMapper.shared();

	@Test
	void envelopeIsJsonWithAnIsoInstantAndReadsBackEqual() {
		EventEnvelope event = new EventEnvelope("e1", "user.created", 2, Instant.parse("2026-11-22T10:00:00.123Z"),
				"u1", "admin", this.mapper.valueToTree(new UserCreated("ada@x", "Ada", List.of("admin"))));

		JsonNode json = this.mapper.readTree(this.mapper.writeValueAsBytes(event));

		assertThat(json.propertyNames()).containsExactly("id", "type", "version", "occurredAt", "key", "actorId",
				"payload");
		assertThat(json.get("occurredAt").asString()).isEqualTo("2026-11-22T10:00:00.123Z");
		assertThat(json.get("payload").get("displayName").asString()).isEqualTo("Ada");
		assertThat(this.mapper.readValue(this.mapper.writeValueAsBytes(event), EventEnvelope.class)).isEqualTo(event);
	}

	@Test
	void ofGivesAUniqueIdAndTheConsumerReadsThePayloadIntoItsOwnClass() {
		UserCreated created = new UserCreated("ada@x", "Ada", List.of("admin"));
		EventEnvelope first = EventEnvelope.of("user.created", 1, "u1", null, created, this.mapper);
		EventEnvelope second = EventEnvelope.of("user.created", 1, "u1", null, created, this.mapper);

		assertThat(first.id()).isNotEqualTo(second.id());
		assertThat(first.occurredAt()).isBeforeOrEqualTo(Instant.now());
		assertThat(first.actorId()).isNull();
		assertThat(first.payloadAs(UserCreated.class)).isEqualTo(created);
		assertThat(first.payloadAs(Member.class)).isEqualTo(new Member("ada@x"));
	}

	@Test
	void envelopeWithoutItsRequiredFieldsIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventEnvelope.of(" ", 1, "u1", null, Map.of(), this.mapper));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventEnvelope.of("user.created", 0, "u1", null, Map.of(), this.mapper));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EventEnvelope.of("user.created", 1, null, null, Map.of(), this.mapper));
	}

	@Test
	void topicsAreNamedByDomainStreamAndVersion() {
		assertThat(Topics.name("users", "user", 1)).isEqualTo("hub.users.user.v1");
		assertThat(Topics.deadLetter("hub.users.user.v1")).isEqualTo("hub.users.user.v1.dlt");
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.name("Users", "user", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.name("users", "a.b", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.name("users", "user", 0));
	}

	@Test
	void toStringNeverShowsThePayload() {
		EventEnvelope event = EventEnvelope.of("credential.set", 1, "u1", "system",
				java.util.Map.of("passwordHash", "{argon2}secret-hash"));
		assertThat(event.toString()).contains("credential.set", "u1").doesNotContain("secret-hash");
	}

}
