package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a new contact and of a change to one, without Spring.
 */
class ContactRequestsTests {

	static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	static final Validator validator = factory.getValidator();

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void aNewContactNeedsAFirstNameAndAnEmailThatIsOne() {
		CreateContactRequest request = new CreateContactRequest(null, "Haddad", "not-an-email", null, null, null,
				List.of(""), null);
		assertThat(fields(validator.validate(request))).containsExactlyInAnyOrder("firstName", "email",
				"tags[0].<list element>");
	}

	@Test
	void theCreatorOwnsANewContactUnlessItNamesAnOwner() {
		assertThat(create(null).toContact("c-1", "omar", NOW).ownerId()).isEqualTo("omar");
		assertThat(create("layla").toContact("c-1", "omar", NOW).ownerId()).isEqualTo("layla");
	}

	@Test
	void aChangeMayLeaveTheFirstNameOutButNotBlankIt() {
		assertThat(validator.validate(patch(null, null))).isEmpty();
		assertThat(fields(validator.validate(patch(" ", null)))).containsExactly("firstName");
		assertThat(fields(validator.validate(patch(null, "nope")))).containsExactly("email");
	}

	@Test
	void aChangeReplacesOnlyTheFieldsItNames() {
		Contact current = create(null).toContact("c-1", "omar", NOW);
		Instant later = NOW.plusSeconds(60);
		Contact changed = patch(null, "layla@example.com").applyTo(current, later);
		assertThat(changed).isEqualTo(new Contact("c-1", "Layla", "Haddad", "layla@example.com", null, null, null,
				List.of("vip"), "omar", NOW, later));
	}

	private static CreateContactRequest create(String ownerId) {
		return new CreateContactRequest("Layla", "Haddad", null, null, null, null, List.of("vip"), ownerId);
	}

	private static PatchContactRequest patch(String firstName, String email) {
		return new PatchContactRequest(firstName, null, email, null, null, null, null, null);
	}

	private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

}
