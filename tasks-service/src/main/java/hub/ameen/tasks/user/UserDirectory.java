package hub.ameen.tasks.user;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The users tasks-service has heard of, by id and by (lower-case) email, kept in its own
 * store from user-service's events.
 */
@Component
public class UserDirectory {

	private final Store store;

	private final Collection<String, KnownUser> users;

	private final Collection<String, String> byEmail;

	private final Collection<String, OrganisationDefaults> defaults;

	UserDirectory(Store store, JsonMapper json) {
		this.store = store;
		this.defaults = store.collection("settings", Codec.utf8(), Codec.json(json, OrganisationDefaults.class));
		this.users = store.collection("users", Codec.utf8(), Codec.json(json, KnownUser.class));
		this.byEmail = store.collection("users.by-email", Codec.utf8(), Codec.utf8());
	}

	/** The user with this id, if known. */
	public Optional<KnownUser> get(String id) {
		return this.users.get(id);
	}

	/** Whether the id names a user who is active now. */
	public boolean isActive(String id) {
		return id != null && get(id).map(KnownUser::isActive).orElse(false);
	}

	/** The active user with this email (case-insensitive), if there is one. */
	public Optional<KnownUser> activeByEmail(String email) {
		return this.store.read((txn) -> this.byEmail.get(txn, key(email)).flatMap((id) -> this.users.get(txn, id)))
			.filter(KnownUser::isActive);
	}

	/**
	 * The user's time zone; the organisation's default when the user or their zone is
	 * unknown, and UTC when that is unusable too.
	 */
	public ZoneId zoneOf(String id) {
		return usableZone(get(id).map(KnownUser::timeZone).orElseGet(() -> defaults().timeZone()));
	}

	private static ZoneId usableZone(String zone) {
		try {
			return (zone != null) ? ZoneId.of(zone) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	/**
	 * When, in the user's own zone, their daily task digest goes out: their own time,
	 * else the organisation's default (which follows each {@code settings.updated}).
	 */
	public LocalTime digestTimeOf(String id) {
		String own = get(id).map(KnownUser::digestTime).orElse(null);
		return (own != null) ? LocalTime.parse(own) : LocalTime.parse(defaults().digestTime());
	}

	/**
	 * The user's digest plan: their own time and zone, else the organisation's; empty for
	 * a user not known (deleted), inactive when they are disabled.
	 */
	Optional<DigestPlan> digestPlanOf(ReadTxn txn, String id) {
		OrganisationDefaults org = this.defaults.get(txn, OrganisationDefaults.KEY)
			.orElse(OrganisationDefaults.BUILT_IN);
		return find(txn, id)
			.map((user) -> new DigestPlan(id, (user.digestTime() != null) ? user.digestTime() : org.digestTime(),
					usableZone((user.timeZone() != null) ? user.timeZone() : org.timeZone()).getId(), user.isActive()));
	}

	/** The ids of every user known. */
	List<String> ids(ReadTxn txn) {
		List<String> ids = new ArrayList<>();
		this.users.forEach(txn, null, (id, user) -> ids.add(id));
		return ids;
	}

	/**
	 * Whether the id names a user who is active now, read in the caller's transaction.
	 */
	public boolean isActive(ReadTxn txn, String id) {
		return id != null && find(txn, id).map(KnownUser::isActive).orElse(false);
	}

	/** The organisation's defaults as the latest {@code settings.updated} told them. */
	public OrganisationDefaults defaults() {
		return this.defaults.get(OrganisationDefaults.KEY).orElse(OrganisationDefaults.BUILT_IN);
	}

	/** Keeps the organisation's defaults, in the caller's transaction. */
	void keep(WriteTxn txn, OrganisationDefaults defaults) {
		this.defaults.put(txn, OrganisationDefaults.KEY, defaults.orBuiltIn());
	}

	/** Keeps the user as an event describes them, in the caller's transaction. */
	public void put(WriteTxn txn, KnownUser user) {
		forget(txn, user.id());
		this.users.put(txn, user.id(), user);
		if (user.email() != null) {
			this.byEmail.put(txn, key(user.email()), user.id());
		}
	}

	/** Forgets a deleted user, in the caller's transaction. */
	public void forget(WriteTxn txn, String id) {
		find(txn, id).map(KnownUser::email).filter((email) -> email != null).ifPresent((email) -> {
			if (this.byEmail.get(txn, key(email)).filter(id::equals).isPresent()) {
				this.byEmail.delete(txn, key(email));
			}
		});
		this.users.delete(txn, id);
	}

	private Optional<KnownUser> find(ReadTxn txn, String id) {
		return this.users.get(txn, id);
	}

	private static String key(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
