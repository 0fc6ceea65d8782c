package hub.ameen.user.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Store;
import hub.ameen.user.role.DefaultRoles;
import hub.ameen.user.role.Role;
import hub.ameen.user.role.RoleStore;
import hub.ameen.user.credential.CredentialSet;
import hub.ameen.user.credential.Credentials;
import hub.ameen.user.directory.UserService;
import hub.ameen.user.directory.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps the built-in roles current and, on the very first start, creates the admin in one
 * transaction with its events, marking the store so that no later start does it again. A
 * store that starts with users (restored from their changelog) is past its first run.
 */
@Component
class FirstRunBootstrap implements ApplicationRunner {

	static final String PASSWORD_FILE = "admin-password";

	private static final Logger logger = LoggerFactory.getLogger(FirstRunBootstrap.class);

	private static final String DONE = "first-run-done";

	private final Store store;

	private final Collection<String, String> meta;

	private final RoleStore roles;

	private final Outbox outbox;

	private final UserService users;

	private final AdminProperties admin;

	private final Credentials credentials;

	private final UserStore directory;

	FirstRunBootstrap(Store store, RoleStore roles, Outbox outbox, UserService users, AdminProperties admin,
			Credentials credentials, UserStore directory) {
		this.directory = directory;
		this.store = store;
		this.meta = store.collection("meta", Codec.utf8(), Codec.utf8());
		this.roles = roles;
		this.outbox = outbox;
		this.users = users;
		this.admin = admin;
		this.credentials = credentials;
	}

	@Override
	public void run(ApplicationArguments args) {
		syncBuiltInRoles();
		if (this.meta.get(DONE).isPresent()) {
			return;
		}
		if (!this.directory.isEmpty()) {
			// a wiped store restored from the changelogs: its admin came back with it,
			// and auth-service still has the credentials, so this is no first run
			this.store.writeAndWait((txn) -> {
				this.meta.put(txn, DONE, "restored");
				return null;
			});
			logger.info("Users were restored from Kafka: no first-run admin created");
			return;
		}
		String password = (this.admin.password() != null) ? this.admin.password() : generatePassword();
		if (this.admin.password() == null) {
			// written before the commit: a crash in between only means a new password
			// next start
			writeOwnerOnly(this.store.path().resolve(PASSWORD_FILE), password);
		}
		String adminId = Ids.next();
		CredentialSet credential = this.credentials.hash(adminId, password);
		this.store.writeAndWait((txn) -> {
			var user = this.users.create(txn, adminId, new UserService.NewUser(this.admin.email(), "Administrator",
					List.of(DefaultRoles.ADMIN), "UTC", "en"), "system");
			this.outbox.publish(txn, CredentialSet.SET.about(adminId, credential).by("system"));
			this.meta.put(txn, DONE, user.id());
			return user;
		});
		logger.info("First run: created the default roles and the admin {}", this.admin.email());
	}

	/**
	 * Creates the built-in roles, or brings them up to this version's permissions, on
	 * every start (admins cannot change them, so the code is their only source).
	 */
	private void syncBuiltInRoles() {
		this.store.writeAndWait((txn) -> {
			for (var role : DefaultRoles.all()) {
				var stored = this.roles.get(txn, role.name());
				if (stored.isEmpty() || !stored.get().equals(role)) {
					this.roles.put(txn, role);
					this.outbox.publish(txn,
							(stored.isEmpty() ? Role.CREATED : Role.UPDATED).about(role.name(), role).by("system"));
				}
			}
			return null;
		});
	}

	private static String generatePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	private static void writeOwnerOnly(Path file, String content) {
		try {
			Path temp = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temp, content + System.lineSeparator());
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
