package hub.ameen.auth.key;

import hub.ameen.auth.config.AuthProperties;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Replaces the signing key once it is older than {@code hub.auth.keys.max-age}.
 */
@Component
class KeyRotationSchedule {

	private final SigningKeys keys;

	private final AuthProperties properties;

	KeyRotationSchedule(SigningKeys keys, AuthProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${hub.auth.keys.check-interval:1h}",
			initialDelayString = "${hub.auth.keys.check-interval:1h}")
	void rotateWhenDue() {
		this.keys.rotateIfOlderThan(this.properties.keys().maxAge());
	}

}
