package hub.ameen.auth.projection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The projection of users, roles and password hashes: read by login, refresh and password
 * changes; written by user-service's events and by password changes.
 */
@Component
public class Accounts {

	private final Store store;

	private final Collection<String, Account> accounts;

	private final Index<String, String, Account> byEmail;

	private final Collection<String, StoredRole> roles;

	private final Collection<String, Credential> credentials;

	Accounts(Store store, JsonMapper mapper) {
		this.store = store;
		this.accounts = store.collection("auth.accounts", Codec.utf8(), Codec.json(mapper, Account.class));
		this.byEmail = this.accounts.uniqueIndex("email", Codec.utf8(), (account) -> normalize(account.email()));
		this.roles = store.collection("auth.roles", Codec.utf8(), Codec.json(mapper, StoredRole.class));
		this.credentials = store.collection("auth.credentials", Codec.utf8(), Codec.json(mapper, Credential.class));
	}

	/**
	 * The form emails are compared in: trimmed, lower case.
	 * @param email an email as typed
	 * @return the normalized email, or {@code null} for {@code null} or for one that
	 * trims to nothing (control characters only, say), which no account has and no store
	 * key may be
	 */
	public static String normalize(String email) {
		if (email == null) {
			return null;
		}
		String trimmed = email.trim();
		return trimmed.isEmpty() ? null : trimmed.toLowerCase(Locale.ROOT);
	}

	public Optional<Account> findByEmail(ReadTxn txn, String email) {
		String normalized = normalize(email);
		return (normalized == null) ? Optional.empty() : this.byEmail.first(txn, normalized);
	}

	public Optional<Account> findByEmail(String email) {
		return this.store.read((txn) -> findByEmail(txn, email));
	}

	public Optional<Account> findById(ReadTxn txn, String id) {
		return this.accounts.get(txn, id);
	}

	public Optional<Account> findById(String id) {
		return this.store.read((txn) -> findById(txn, id));
	}

	/**
	 * The user's password hash, to be checked with
	 * {@link hub.ameen.platform.security.Passwords#encoder()}; never log or return it.
	 * @param txn a read transaction
	 * @param userId the user id
	 * @return the hash, or empty when none was set
	 */
	public Optional<String> passwordHash(ReadTxn txn, String userId) {
		return this.credentials.get(txn, userId).map(Credential::passwordHash);
	}

	/**
	 * What a token for this account carries; permissions are the union over its roles
	 * (unknown roles grant nothing).
	 * @param txn a read transaction
	 * @param account the account
	 * @return the identity
	 */
	public Identity identity(ReadTxn txn, Account account) {
		TreeSet<String> permissions = new TreeSet<>();
		for (String role : account.roles()) {
			this.roles.get(txn, role).ifPresent((found) -> permissions.addAll(found.permissions()));
		}
		return new Identity(account.id(), account.email(), account.roles(), List.copyOf(permissions));
	}

	/**
	 * Sets a user's password hash and ends their sessions: refresh tokens from earlier
	 * logins stop working.
	 * @param txn the write transaction
	 * @param userId the user id
	 * @param passwordHash the new hash
	 * @param now the time now
	 */
	public void setPassword(WriteTxn txn, String userId, String passwordHash, Instant now) {
		this.credentials.put(txn, userId, new Credential(passwordHash, now));
		this.accounts.get(txn, userId)
			.ifPresent((account) -> this.accounts.put(txn, userId, account.revokeSessions(now)));
	}

	/**
	 * Stores the user as an event describes them; disabling a user ends their sessions.
	 * An email another user still holds here moves to this user (the other user's own
	 * update, carrying their new email, may simply not have arrived yet).
	 */
	void putUser(WriteTxn txn, String id, String email, String status, List<String> roleNames, Instant now) {
		Optional<Account> previous = this.accounts.get(txn, id);
		Instant notBefore = previous.map(Account::sessionsNotBefore).orElse(null);
		Account account = new Account(id, email, status, roleNames, notBefore);
		if (!account.isActive() && previous.map(Account::isActive).orElse(true)) {
			account = account.revokeSessions(now);
		}
		releaseEmail(txn, id, email);
		this.accounts.put(txn, id, account);
	}

	void deleteUser(WriteTxn txn, String id) {
		this.accounts.delete(txn, id);
		this.credentials.delete(txn, id);
	}

	void putRole(WriteTxn txn, String name, java.util.Collection<String> permissions) {
		this.roles.put(txn, name, new StoredRole(name, (permissions != null) ? Set.copyOf(permissions) : Set.of()));
	}

	void deleteRole(WriteTxn txn, String name) {
		this.roles.delete(txn, name);
	}

	private void releaseEmail(WriteTxn txn, String id, String email) {
		String normalized = normalize(email);
		if (normalized == null) {
			return;
		}
		this.byEmail.first(txn, normalized)
			.filter((holder) -> !holder.id().equals(id))
			.ifPresent((holder) -> this.accounts.put(txn, holder.id(), holder.withEmail(null)));
	}

}
