package hub.ameen.crm.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.PageResponse;

/**
 * How a CRM list is asked for: {@code q} (prefix search through the {@code search} index,
 * whose answers come in name order), {@code sort} ({@code -createdAt} newest first, the
 * default; {@code createdAt}; {@code name}; {@code -name}), {@code limit} and
 * {@code cursor}. Answers come from the most selective index the request allows; the
 * other filters run on what it yields.
 *
 * @param q a prefix of a name, email or domain, or null
 * @param sort one of the sort orders, or null for newest first
 * @param limit the page size, or null
 * @param cursor the previous page's {@code nextCursor}, or null
 */
public record ListQuery(String q, String sort, Integer limit, String cursor) {

	/** The index every searchable aggregate declares for {@code q}. */
	public static final String SEARCH = "search";

	/** The index every sortable aggregate declares for {@code sort=name}. */
	public static final String NAME = "name";

	public ListQuery {
		q = (q == null || q.isBlank()) ? null : q.strip();
		sort = (sort == null || sort.isBlank()) ? "-createdAt" : sort.strip();
		if (!sort.equals("-createdAt") && !sort.equals("createdAt") && !sort.equals("name") && !sort.equals("-name")) {
			throw new IllegalArgumentException("sort must be one of -createdAt, createdAt, name, -name");
		}
		if (q != null && q.length() > 100) {
			throw new IllegalArgumentException("q must be at most 100 characters");
		}
	}

	/**
	 * One page of the aggregate's records.
	 * @param aggregate what to list
	 * @param indexed filters that have an index, by index name, in order of preference
	 * (null values are absent filters)
	 * @param filter every filter, applied to each candidate
	 */
	public <V> PageResponse<V> list(Aggregate<V> aggregate, Map<String, String> indexed, Predicate<V> filter) {
		PageRequest page = PageRequest.of(this.limit, this.cursor);
		boolean descending = this.sort.startsWith("-");
		PageRequest ordered = descending ? page.descendingOrder() : page;
		PageRequest byName = this.sort.equals("-name") ? page.descendingOrder() : page;
		if (this.q != null) {
			return aggregate.search(SEARCH, this.q, byName, filter);
		}
		if (this.sort.endsWith("name")) {
			return aggregate.search(NAME, "", byName, filter);
		}
		return indexed.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != null)
			.findFirst()
			.map((entry) -> aggregate.page(entry.getKey(), entry.getValue(), ordered, filter))
			.orElseGet(() -> aggregate.page(ordered, filter));
	}

	/** Filters in order of preference; absent ones are skipped. */
	public static Map<String, String> indexed(String... nameValuePairs) {
		Map<String, String> indexed = new LinkedHashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			indexed.put(nameValuePairs[i], nameValuePairs[i + 1]);
		}
		return indexed;
	}

	/** Whether a filter is absent or the value matches it. */
	public static boolean matches(String wanted, String actual) {
		return wanted == null || Objects.equals(wanted, actual);
	}

	/** Whether a filter is absent or the list contains it. */
	public static boolean contains(String wanted, java.util.Collection<String> actual) {
		return wanted == null || (actual != null && actual.contains(wanted));
	}

}
