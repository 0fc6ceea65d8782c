package hub.ameen.crm.common;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Who may change a CRM record: its owner (with {@code crm:write}) or a holder of
 * {@link Permissions#CRM_MANAGE}; anyone else gets a 403.
 */
public final class Ownership {

	private Ownership() {
	}

	/**
	 * The record, if the actor may change it.
	 * @param record the record as stored
	 * @param ownerId its owner
	 * @param actor the caller
	 * @param what the kind of record and its id, for the problem, e.g.
	 * {@code "Deal 01J…"}
	 * @return the record
	 */
	public static <T> T check(T record, String ownerId, CurrentUser actor, String what) {
		if (actor.can(Permissions.CRM_MANAGE) || actor.id().equals(ownerId)) {
			return record;
		}
		throw new Denied(what + " can be changed only by its owner or a holder of crm:manage");
	}

	/**
	 * A member changing what is not theirs: 403 with type {@link ProblemTypes#FORBIDDEN}.
	 */
	public static final class Denied extends ErrorResponseException {

		public Denied(String detail) {
			super(HttpStatus.FORBIDDEN, ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail),
					null);
		}

	}

}
