package hub.ameen.crm.contact;

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
}
