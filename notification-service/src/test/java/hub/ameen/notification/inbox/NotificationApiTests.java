package hub.ameen.notification.inbox;

import java.util.List;
import java.util.Map;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.test.security.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationApiTests extends ServiceTestSupport {

	record PageOf(List<Notification> items, String nextCursor) {
	}

	@Test
	void listsTheCallersNotificationsNewestFirstInPages() {
		String user = newUser();
		List<Long> seqs = notify(user, 5, "hello").stream().map(Notification::seq).toList();
		assertThat(seqs).isSorted().doesNotHaveDuplicates();
		PageOf first = page(user, "/api/notifications?limit=2");
		assertThat(first.items()).extracting(Notification::seq).containsExactly(seqs.get(4), seqs.get(3));
		assertThat(first.items()).allMatch((n) -> n.userId().equals(user) && n.unread());
		PageOf second = page(user, "/api/notifications?limit=2&cursor=" + first.nextCursor());
		assertThat(second.items()).extracting(Notification::seq).containsExactly(seqs.get(2), seqs.get(1));
		PageOf third = page(user, "/api/notifications?limit=2&cursor=" + second.nextCursor());
		assertThat(third.items()).extracting(Notification::seq).containsExactly(seqs.get(0));
		assertThat(third.nextCursor()).isNull();
	}

	@Test
	void readOneReadAllAndTheUnreadCountAgree() {
		String user = newUser();
		List<Notification> created = notify(user, 4, "to read");
		assertThat(unreadCount(user)).isEqualTo(4);

		Notification second = created.get(1);
		this.web.post()
			.uri("/api/notifications/{id}/read", second.id())
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(second.id())
			.jsonPath("$.readAt")
			.isNotEmpty();
		assertThat(unreadCount(user)).isEqualTo(3);
		// reading it again changes nothing
		this.web.post()
			.uri("/api/notifications/{id}/read", second.id())
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(unreadCount(user)).isEqualTo(3);
		assertThat(page(user, "/api/notifications?unread=true").items()).extracting(Notification::id)
			.containsExactly(created.get(3).id(), created.get(2).id(), created.get(0).id());

		this.web.post()
			.uri("/api/notifications/read-all")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.marked")
			.isEqualTo(3);
		assertThat(unreadCount(user)).isZero();
		assertThat(page(user, "/api/notifications?unread=true").items()).isEmpty();
		assertThat(page(user, "/api/notifications").items()).hasSize(4).allMatch((n) -> !n.unread());

		notify(user, 1, "new");
		assertThat(unreadCount(user)).isEqualTo(1);
	}

	@Test
	void aUserNeverSeesOrChangesAnotherUsersNotifications() {
		String alice = newUser();
		String bob = newUser();
		Notification ofAlice = notify(alice, 1, "private").get(0);
		notify(bob, 1, "bob's");

		assertThat(page(bob, "/api/notifications").items()).extracting(Notification::userId).containsOnly(bob);
		this.web.post()
			.uri("/api/notifications/{id}/read", ofAlice.id())
			.header("Authorization", bearer(bob))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post()
			.uri("/api/notifications/read-all")
			.header("Authorization", bearer(bob))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(unreadCount(alice)).isEqualTo(1);
		// a cursor from Alice's list does not page through hers for Bob
		notify(alice, 1, "more");
		String aliceCursor = page(alice, "/api/notifications?limit=1").nextCursor();
		assertThat(aliceCursor).isNotNull();
		this.web.get()
			.uri("/api/notifications?cursor=" + aliceCursor)
			.header("Authorization", bearer(bob))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void needsATokenWithThePermissionAndValidParameters() {
		this.web.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/api/notifications/unread-count")
			.header("Authorization", TestTokens.shared().bearer(newUser(), "crm:read"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String user = newUser();
		this.web.get()
			.uri("/api/notifications?cursor=%%%")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.get()
			.uri("/api/notifications?limit=0")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.web.get()
			.uri("/api/notifications?unread=maybe")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private PageOf page(String user, String uri) {
		return this.web.get()
			.uri(uri)
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PageOf.class)
			.returnResult()
			.getResponseBody();
	}

	private long unreadCount(String user) {
		Map<String, Long> count = this.web.get()
			.uri("/api/notifications/unread-count")
			.header("Authorization", bearer(user))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Long>>() {
			})
			.returnResult()
			.getResponseBody();
		return count.get("count");
	}

}
