package hub.ameen.user.settings;

import hub.ameen.platform.events.ChangelogCollection;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

/**
 * The organisation's settings, one record in LMDB ({@link OrganisationSettings#DEFAULTS}
 * until the first change); a change and its {@code settings.updated} event commit in one
 * transaction, and a change that changes nothing announces nothing. Rebuilt from
 * {@link Topics#SETTINGS_CHANGELOG} when the store is empty.
 */
@Component
public class SettingsStore {

	private final Store store;

	private final Collection<String, OrganisationSettings> settings;

	private final Outbox outbox;

	private final Clock clock;

	private final ChangelogCollection<OrganisationSettings> changelog;

	SettingsStore(Store store, Outbox outbox, JsonMapper json, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.clock = clock;
		Codec<OrganisationSettings> codec = Codec.json(json, OrganisationSettings.class);
		this.settings = store.collection("settings", Codec.utf8(), codec);
		this.changelog = ChangelogCollection.open(Topics.SETTINGS_CHANGELOG, store, outbox, this.settings, codec);
	}

	public OrganisationSettings current() {
		return this.store.read(this::current);
	}

	/** The settings as the caller's transaction sees them. */
	public OrganisationSettings current(ReadTxn txn) {
		return this.settings.get(txn, OrganisationSettings.KEY).orElse(OrganisationSettings.DEFAULTS);
	}

	Mono<OrganisationSettings> change(UnaryOperator<OrganisationSettings> change, String actorId) {
		return this.store.write((txn) -> changeIn(txn, change, actorId));
	}

	/** A change inside the caller's transaction (the one that detaches the logo). */
	OrganisationSettings changeIn(WriteTxn txn, UnaryOperator<OrganisationSettings> change, String actorId) {
		OrganisationSettings current = current(txn);
		OrganisationSettings changed = change.apply(current);
		if (changed.sameAs(current)) {
			return current;
		}
		OrganisationSettings stamped = changed.changedAt(this.clock.instant(), actorId);
		this.changelog.put(txn, OrganisationSettings.KEY, stamped);
		this.outbox.publish(txn, OrganisationSettings.UPDATED.about(OrganisationSettings.KEY, stamped).by(actorId));
		return stamped;
	}

}
