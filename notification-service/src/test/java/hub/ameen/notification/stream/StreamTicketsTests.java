package hub.ameen.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import hub.ameen.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamTicketsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T10:00:00Z"));

	private static final byte[] SECRET = "a secret the instances share, 32+ bytes".getBytes();

	private final StreamTickets tickets = new StreamTickets(this.clock, Duration.ofSeconds(30), SECRET);

	private final CurrentUser user1 = new CurrentUser("user-1", null, Set.of("notifications:read", "crm:read"));

	@Test
	void aTicketNamesItsUserOnce() {
		String ticket = this.tickets.issue(this.user1);
		assertThat(this.tickets.redeem(ticket)).contains(this.user1);
		assertThat(this.tickets.redeem(ticket)).isEmpty();
	}

	@Test
	void anExpiredTicketIsRejected() {
		String fresh = this.tickets.issue(this.user1);
		String stale = this.tickets.issue(this.user1);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.tickets.redeem(fresh)).contains(this.user1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.tickets.redeem(stale)).isEmpty();
	}

	@Test
	void unknownAndMissingTicketsAreRejected() {
		this.tickets.issue(this.user1);
		assertThat(this.tickets.redeem("guess")).isEmpty();
		assertThat(this.tickets.redeem(null)).isEmpty();
	}

	@Test
	void ticketsAreUnguessableAndSpentOnesAreForgottenOnceExpired() {
		Set<String> issued = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String ticket = this.tickets.issue(new CurrentUser("user-" + i, null, Set.of()));
			issued.add(ticket);
			assertThat(this.tickets.redeem(ticket)).isPresent();
		}
		assertThat(issued).hasSize(2000).allMatch((t) -> t.matches("[A-Za-z0-9_-]{40,}\\.[A-Za-z0-9_-]{43}"));
		this.clock.advance(Duration.ofMinutes(1));
		this.tickets.redeem(this.tickets.issue(new CurrentUser("user-late", null, Set.of())));
		assertThat(this.tickets.outstanding()).isEqualTo(1);
	}

	@Test
	void aTicketIsRedeemedOnAnotherInstanceWithTheSameSecretOnlyAndNotWhenAltered() {
		CurrentUser user = new CurrentUser("user-2", "u2@hub.local", Set.of("notifications:read", "tasks:read"));
		StreamTickets sibling = new StreamTickets(this.clock, Duration.ofSeconds(30), SECRET);
		StreamTickets stranger = new StreamTickets(this.clock, Duration.ofSeconds(30), StreamTickets.randomSecret());
		String ticket = this.tickets.issue(user);
		assertThat(stranger.redeem(ticket)).isEmpty();
		String claims = ticket.substring(0, ticket.indexOf('.'));
		String signature = ticket.substring(ticket.indexOf('.') + 1);
		String otherClaims = this.tickets.issue(this.user1);
		assertThat(sibling.redeem(otherClaims.substring(0, otherClaims.indexOf('.')) + "." + signature)).isEmpty();
		assertThat(sibling.redeem(claims + "." + signature.substring(1) + "A")).isEmpty();
		assertThat(sibling.redeem(claims)).isEmpty();
		assertThat(sibling.redeem(ticket)).contains(user);
		assertThat(sibling.redeem(ticket)).isEmpty();
	}

	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
