package hub.ameen.tasks.user;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Announces each user's digest plan when it changes: a user created, changing their zone
 * or digest time, disabled or deleted, or the organisation's default moving for users who
 * keep it. The last plan announced is kept, so a change that leaves it alone announces
 * nothing.
 */
@Component
class DigestPlans {

	private final UserDirectory users;

	private final Outbox outbox;

	private final Collection<String, DigestPlan> announced;

	DigestPlans(Store store, JsonMapper json, UserDirectory users, Outbox outbox) {
		this.users = users;
		this.outbox = outbox;
		this.announced = store.collection("digest.announced", Codec.utf8(), Codec.json(json, DigestPlan.class));
	}

	/** Announces the user's plan if it changed, in the caller's transaction. */
	void follow(WriteTxn txn, String userId, String actorId) {
		DigestPlan plan = this.users.digestPlanOf(txn, userId).orElseGet(() -> DigestPlan.none(userId));
		DigestPlan previous = this.announced.get(txn, userId).orElse(null);
		if (plan.equals(previous) || (previous == null && !plan.active())) {
			return;
		}
		this.announced.put(txn, userId, plan);
		this.outbox.publish(txn, DigestPlan.PLANNED.about(userId, plan).by(actorId));
	}

	/** Announces every known user's plan that changed, in the caller's transaction. */
	void followAll(WriteTxn txn, String actorId) {
		this.users.ids(txn).forEach((id) -> follow(txn, id, actorId));
	}

}
