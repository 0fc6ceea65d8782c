package hub.ameen.crm.common;

import java.util.Collection;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.web.NotFoundException;

/**
 * Checks that the ids a request names exist: a missing one is a 400 naming the field, not
 * a 404 (the request, not its path, is wrong).
 */
public final class References {

	private References() {
	}

	/** Passes for null; otherwise the id must name an aggregate. */
	public static void require(Aggregate<?> aggregate, String id, String field) {
		if (id == null) {
			return;
		}
		try {
			aggregate.get(id);
		}
		catch (NotFoundException ex) {
			throw new InvalidField(field, "no such record: " + id);
		}
	}

	/** Every id must name an aggregate. */
	public static void requireAll(Aggregate<?> aggregate, Collection<String> ids, String field) {
		if (ids != null) {
			ids.forEach((id) -> require(aggregate, id, field));
		}
	}

}
