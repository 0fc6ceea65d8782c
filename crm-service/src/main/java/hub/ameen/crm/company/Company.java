package hub.ameen.crm.company;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * An organisation the business works with, and the payload of its events on
 * {@link Topics#COMPANY}: the company after the change, or before it for
 * {@link #DELETED}.
 *
 * @param id opaque, time-ordered id
 * @param name its name
 * @param domain its web domain, lower case, unique among companies; may be null
 * @param industry free text, may be null
 * @param size head count band, e.g. {@code 51-200}; may be null
 * @param phone may be null
 * @param address postal address, may be null
 * @param tags free labels
 * @param ownerId the user who owns the relationship
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Company(String id, String name, String domain, String industry, String size, String phone, String address,
		List<String> tags, String ownerId, Instant createdAt, Instant updatedAt) {

	public static final EventType<Company> CREATED = EventType.named("company.created").on(Topics.COMPANY);

	public static final EventType<Company> UPDATED = EventType.named("company.updated").on(Topics.COMPANY);

	public static final EventType<Company> DELETED = EventType.named("company.deleted").on(Topics.COMPANY);

	public Company {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/**
	 * A domain as companies are matched on it: lower case, without scheme, {@code www.},
	 * path or trailing dot ({@code https://www.Example.com/about} is
	 * {@code example.com}).
	 */
	public static String normalizeDomain(String domain) {
		if (domain == null || domain.isBlank()) {
			return null;
		}
		String bare = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
		int end = bare.length();
		for (char stop : new char[] { '/', '?', '#', ':' }) {
			int at = bare.indexOf(stop);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		bare = bare.substring(0, end);
		bare = bare.startsWith("www.") ? bare.substring(4) : bare;
		return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
	}

}
