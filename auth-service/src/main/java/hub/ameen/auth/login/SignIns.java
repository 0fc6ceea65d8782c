package hub.ameen.auth.login;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts sign-ins by outcome ({@code hub_auth_sign_ins_total{outcome}}): {@code success},
 * {@code failure} (a wrong email or password, or a disabled user), {@code locked}
 * (refused while the email is locked out) and {@code limited} (refused by the per-address
 * limit).
 */
@Component
class SignIns {

	private final Counter success;

	private final Counter failure;

	private final Counter locked;

	private final Counter limited;

	SignIns(MeterRegistry registry) {
		this.success = counter(registry, "success");
		this.failure = counter(registry, "failure");
		this.locked = counter(registry, "locked");
		this.limited = counter(registry, "limited");
	}

	void succeeded() {
		this.success.increment();
	}

	void failed() {
		this.failure.increment();
	}

	void refusedWhileLocked() {
		this.locked.increment();
	}

	void refusedByAddressLimit() {
		this.limited.increment();
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("hub.auth.sign.ins")
			.description("Sign-ins by outcome: success, failure, locked (email locked out), limited (address limit)")
			.tag("outcome", outcome)
			.register(registry);
	}

}
