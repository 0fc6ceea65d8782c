package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a contact: the fields it names replace the contact's, absent ones stay.
 */
record PatchContactRequest(
		@Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
		@Size(max = 100) String lastName, @Email @Size(max = 254) String email, @Size(max = 40) String phone,
		@Size(max = 100) String title, @Size(max = 64) String companyId,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, @Size(max = 64) String ownerId) {

	/** The contact with this request's fields applied; absent ones stay. */
	Contact applyTo(Contact current, Instant now) {
		return new Contact(current.id(), or(this.firstName, current.firstName()), or(this.lastName, current.lastName()),
				(this.email != null) ? this.email.strip() : current.email(), or(this.phone, current.phone()),
				or(this.title, current.title()), or(this.companyId, current.companyId()), or(this.tags, current.tags()),
				or(this.ownerId, current.ownerId()), current.createdAt(), now);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
