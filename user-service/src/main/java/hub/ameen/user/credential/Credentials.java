package hub.ameen.user.credential;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes initial passwords into the {@link CredentialSet} that the user's creation
 * publishes, in its transaction.
 */
@Component
public class Credentials {

	private final PasswordEncoder encoder;

	Credentials(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	/**
	 * Hashes the password: slow on purpose, so call it off the event loop and before the
	 * write.
	 */
	public CredentialSet hash(String userId, String password) {
		return new CredentialSet(userId, this.encoder.encode(password));
	}

}
