package hub.ameen.crm.company;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new company as a client sends it; the domain may carry a scheme, {@code www.} or a
 * path, which are dropped.
 */
public record CreateCompanyRequest(@NotBlank @Size(max = 200) String name,
		@Size(max = 253) @Pattern(regexp = CreateCompanyRequest.DOMAIN,
				message = "must be a domain such as example.com") String domain,
		@Size(max = 100) String industry, @Size(max = 20) String size, @Size(max = 40) String phone,
		@Size(max = 500) String address, @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
		@Size(max = 64) String ownerId) {

	/** A domain, optionally with a scheme, {@code www.} and a path. */
	static final String DOMAIN = "(?i)^([a-z][a-z0-9+.-]*://)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}\\.?([/?#:].*)?$";

	/** The company this request creates; the creator owns it unless it names an owner. */
	public Company toCompany(String id, String createdBy, Instant now) {
		return new Company(id, this.name.strip(), Company.normalizeDomain(this.domain), this.industry, this.size,
				this.phone, this.address, this.tags, (this.ownerId != null) ? this.ownerId : createdBy, now, now);
	}

}
