package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A contact as a client sends it; on PATCH, absent fields stay as they are.
 */
record ContactRequest(@Size(min = 1, max = 100) String firstName, @Size(max = 100) String lastName,
		@Email @Size(max = 254) String email, @Size(max = 40) String phone, @Size(max = 64) String companyId,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> tags, @Size(max = 64) String ownerId) {

	/**
	 * The contact this request creates; the creator owns it unless the request names an
	 * owner.
	 */
	Contact toContact(String id, String createdBy, Instant now) {
		return new Contact(id, this.firstName, this.lastName, this.email, this.phone, this.companyId, this.tags,
				or(this.ownerId, createdBy), now, now);
	}

	/** The contact with this request's fields applied; absent ones stay. */
	Contact applyTo(Contact current, Instant now) {
		return new Contact(current.id(), or(this.firstName, current.firstName()), or(this.lastName, current.lastName()),
				or(this.email, current.email()), or(this.phone, current.phone()),
				or(this.companyId, current.companyId()), or(this.tags, current.tags()),
				or(this.ownerId, current.ownerId()), current.createdAt(), now);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
