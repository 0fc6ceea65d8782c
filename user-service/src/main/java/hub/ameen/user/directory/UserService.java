package hub.ameen.user.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreException;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.BadRequestException;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.user.credential.CredentialSet;
import hub.ameen.user.credential.Credentials;
import hub.ameen.user.role.RoleStore;
import hub.ameen.user.settings.OrganisationSettings;
import hub.ameen.user.settings.SettingsStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

/**
 * Creates and changes users; every change and its event commit in one transaction.
 */
@Service
public class UserService {

	/** The owner type a user's avatar is filed under. */
	public static final String AVATAR = "avatar";

	private final Attachments attachments;

	private final Store store;

	private final UserStore users;

	private final RoleStore roles;

	private final Outbox outbox;

	private final Credentials credentials;

	private final SettingsStore settings;

	private final Clock clock;

	UserService(Store store, UserStore users, RoleStore roles, Outbox outbox, Credentials credentials,
			SettingsStore settings, Clock clock, Attachments attachments) {
		this.settings = settings;
		this.attachments = attachments;
		this.store = store;
		this.users = users;
		this.roles = roles;
		this.outbox = outbox;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * Creates a user with an initial password, hashed off the event loop before the
	 * write.
	 */
	public Mono<User> create(NewUser request, String password, String actorId) {
		String id = Ids.next();
		return Mono.fromCallable(() -> this.credentials.hash(id, password))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((credential) -> this.store.write((txn) -> {
				User user = create(txn, id, request, actorId);
				this.outbox.publish(txn, CredentialSet.SET.about(id, credential).by(actorId));
				return user;
			}))
			.onErrorMap(StoreException.UniqueViolationException.class, (ex) -> duplicateEmail(request.email()));
	}

	/**
	 * Creates the user inside the caller's transaction, e.g. the first-run bootstrap's.
	 */
	public User create(WriteTxn txn, String id, NewUser request, String actorId) {
		requireRolesExist(txn, request.roles());
		Instant now = this.clock.instant();
		OrganisationSettings defaults = this.settings.current(txn);
		User user = new User(id, request.email().trim(), request.displayName().trim(), User.Status.active,
				request.roles(), Objects.requireNonNullElse(request.timeZone(), defaults.timeZone()),
				Objects.requireNonNullElse(request.locale(), defaults.locale()), null, Map.of(), now, now, null);
		this.users.put(txn, user);
		publish(txn, UserPayload.CREATED, user, actorId);
		return user;
	}

	public Mono<User> get(String id) {
		return Mono.fromCallable(() -> this.users.get(id))
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(() -> new NotFoundException("User", id)));
	}

	public Page<User> list(PageRequest request, String query) {
		return this.users.page(request, query);
	}

	public Mono<User> updateProfile(String id, ProfileChange change, String actorId) {
		return change(id, UserPayload.UPDATED, actorId,
				(user) -> new User(user.id(), Objects.requireNonNullElse(change.email(), user.email()).trim(),
						Objects.requireNonNullElse(change.displayName(), user.displayName()).trim(), user.status(),
						user.roles(), Objects.requireNonNullElse(change.timeZone(), user.timeZone()),
						Objects.requireNonNullElse(change.locale(), user.locale()),
						change.digestTimeOr(user.digestTime()),
						NotificationDelivery.merge(user.notifications(), change.notifications()), user.createdAt(),
						this.clock.instant(), user.passwordChangedAt()))
			.onErrorMap(StoreException.UniqueViolationException.class, (ex) -> duplicateEmail(change.email()));
	}

	public Mono<User> setStatus(String id, User.Status status, String actorId) {
		if (id.equals(actorId)) {
			return Mono.error(new ConflictException("you cannot change your own status"));
		}
		EventType<UserPayload> type = (status == User.Status.disabled) ? UserPayload.DISABLED : UserPayload.ENABLED;
		return change(id, type, actorId,
				(user) -> new User(user.id(), user.email(), user.displayName(), status, user.roles(), user.timeZone(),
						user.locale(), user.digestTime(), user.notifications(), user.createdAt(), this.clock.instant(),
						user.passwordChangedAt()));
	}

	public Mono<User> setRoles(String id, List<String> roleNames, String actorId) {
		return this.store.write((txn) -> {
			requireRolesExist(txn, roleNames);
			return apply(txn, id, UserPayload.ROLES_CHANGED, actorId,
					(user) -> new User(user.id(), user.email(), user.displayName(), user.status(),
							List.copyOf(new java.util.LinkedHashSet<>(roleNames)), user.timeZone(), user.locale(),
							user.digestTime(), user.notifications(), user.createdAt(), this.clock.instant(),
							user.passwordChangedAt()));
		});
	}

	/**
	 * Records that auth-service changed the user's password; an unknown (deleted) user is
	 * ignored. Announced by auth-service, so no event here.
	 */
	void recordPasswordChange(WriteTxn txn, String id, Instant at) {
		this.users.get(txn, id).ifPresent((user) -> {
			User changed = user.withPasswordChangedAt(at);
			if (changed != user) {
				this.users.put(txn, changed);
			}
		});
	}

	public Mono<Void> delete(String id, String actorId) {
		if (id.equals(actorId)) {
			return Mono.error(new ConflictException("you cannot delete yourself"));
		}
		return this.store.write((txn) -> {
			User user = this.users.get(txn, id).orElseThrow(() -> new NotFoundException("User", id));
			this.users.delete(txn, id);
			this.attachments.detachAllIn(txn, AVATAR, id, actorId);
			publish(txn, UserPayload.DELETED, user, actorId);
			return user;
		}).then();
	}

	private Mono<User> change(String id, EventType<UserPayload> type, String actorId, UnaryOperator<User> change) {
		return this.store.write((txn) -> apply(txn, id, type, actorId, change));
	}

	private User apply(WriteTxn txn, String id, EventType<UserPayload> type, String actorId,
			UnaryOperator<User> change) {
		User current = this.users.get(txn, id).orElseThrow(() -> new NotFoundException("User", id));
		User changed = change.apply(current);
		if (changed.equals(current)) {
			return current;
		}
		this.users.put(txn, changed);
		publish(txn, type, changed, actorId);
		return changed;
	}

	private void publish(WriteTxn txn, EventType<UserPayload> type, User user, String actorId) {
		this.outbox.publish(txn, type.about(user.id(), UserPayload.of(user)).by(actorId));
	}

	private void requireRolesExist(WriteTxn txn, List<String> names) {
		List<String> unknown = names.stream().filter((name) -> !this.roles.exists(txn, name)).toList();
		if (!unknown.isEmpty()) {
			throw new BadRequestException("unknown roles: " + String.join(", ", unknown));
		}
	}

	private static ConflictException duplicateEmail(String email) {
		return new ConflictException("a user with email " + email + " already exists");
	}

	/**
	 * What it takes to create a user; a null time zone or locale is the organisation's
	 * default.
	 */
	public record NewUser(String email, String displayName, List<String> roles, String timeZone, String locale) {
	}

	/**
	 * A change of profile; null fields stay as they are.
	 *
	 * @param digestTime {@code HH:mm}, {@link #FOLLOW_DEFAULT} to follow the
	 * organisation's default again, or null for no change
	 * @param notifications delivery modes to set per notification type, or null
	 */
	public record ProfileChange(String email, String displayName, String timeZone, String locale, String digestTime,
			Map<String, String> notifications) {

		/** The digest time that means "the organisation's default". */
		public static final String FOLLOW_DEFAULT = "default";

		String digestTimeOr(String current) {
			if (this.digestTime == null) {
				return current;
			}
			return FOLLOW_DEFAULT.equals(this.digestTime) ? null : this.digestTime;
		}

	}

}
