package hub.ameen.notification.stream;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import hub.ameen.platform.security.CurrentUser;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that let a browser open the stream without a long-lived token in the
 * URL: random, bound to one user, valid for a short time, spent on first use. Kept in
 * memory: a ticket is redeemed on the instance that issued it, seconds later.
 */
class StreamTickets {

	/** Above this many outstanding tickets, issuing one first forgets the expired. */
	private static final int PURGE_THRESHOLD = 1024;

	private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Duration ttl;

	StreamTickets(Clock clock, Duration ttl) {
		this.clock = clock;
		this.ttl = ttl;
	}

	private record Ticket(CurrentUser user, Instant expiresAt) {
	}

	Duration ttl() {
		return this.ttl;
	}

	/**
	 * A new ticket for the user, who opens the stream with the permissions they hold now:
	 * 256 random bits, base64url.
	 */
	String issue(CurrentUser user) {
		if (this.tickets.size() >= PURGE_THRESHOLD) {
			purgeExpired();
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.tickets.put(ticket, new Ticket(user, this.clock.instant().plus(this.ttl)));
		return ticket;
	}

	/**
	 * Spends the ticket: the user it was issued to, or empty if unknown, spent or
	 * expired.
	 */
	Optional<CurrentUser> redeem(String ticket) {
		Ticket found = (ticket != null) ? this.tickets.remove(ticket) : null;
		if (found == null || !this.clock.instant().isBefore(found.expiresAt())) {
			return Optional.empty();
		}
		return Optional.of(found.user());
	}

	int outstanding() {
		return this.tickets.size();
	}

	void purgeExpired() {
		Instant now = this.clock.instant();
		this.tickets.values().removeIf((ticket) -> !now.isBefore(ticket.expiresAt()));
	}

}
