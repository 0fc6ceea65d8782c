package hub.ameen.crm.company;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a company: the fields it names replace the company's, absent ones stay.
 */
record PatchCompanyRequest(
		@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Size(max = 253) @Pattern(regexp = CreateCompanyRequest.DOMAIN,
				message = "must be a domain such as example.com") String domain,
		@Size(max = 100) String industry, @Size(max = 20) String size, @Size(max = 40) String phone,
		@Size(max = 500) String address, @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
		@Size(max = 64) String ownerId) {

	/** The company with this request's fields applied; absent ones stay. */
	Company applyTo(Company current, Instant now) {
		return new Company(current.id(), (this.name != null) ? this.name.strip() : current.name(),
				(this.domain != null) ? Company.normalizeDomain(this.domain) : current.domain(),
				or(this.industry, current.industry()), or(this.size, current.size()), or(this.phone, current.phone()),
				or(this.address, current.address()), or(this.tags, current.tags()), or(this.ownerId, current.ownerId()),
				current.createdAt(), now);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
