package hub.ameen.auth.projection;

import java.time.Instant;

/**
 * A user's password hash.
 *
 * @param passwordHash the hash, with its {@code {id}} prefix
 * @param setAt when it was set
 */
record Credential(String passwordHash, Instant setAt) {

	@Override
	public String toString() {
		return "Credential[passwordHash=***, setAt=" + this.setAt + "]";
	}

}
