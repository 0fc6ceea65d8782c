package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new contact as a client sends it.
 */
public record CreateContactRequest(@NotBlank @Size(max = 100) String firstName, @Size(max = 100) String lastName,
		@Email @Size(max = 254) String email, @Size(max = 40) String phone, @Size(max = 100) String title,
		@Size(max = 64) String companyId, @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
		@Size(max = 64) String ownerId) {

	/** The contact this request creates; the creator owns it unless it names an owner. */
	public Contact toContact(String id, String createdBy, Instant now) {
		return new Contact(id, this.firstName, this.lastName, (this.email != null) ? this.email.strip() : null,
				this.phone, this.title, this.companyId, this.tags, (this.ownerId != null) ? this.ownerId : createdBy,
				now, now);
	}

}
