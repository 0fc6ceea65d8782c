package hub.ameen.user;

import java.nio.charset.StandardCharsets;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.user.settings.OrganisationSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation's logo: an admin puts an image, the settings name it (and say so on
 * the broker), everyone signed in sees it, and only an admin replaces or deletes it.
 */
class LogoApiTests extends UserServiceTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAdminPutsTheLogoTheSettingsNameItAndEveryoneSignedInSeesIt() {
		byte[] png = AvatarApiTests.png(30);
		String id = put(adminBearer(), "logo.png", png).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		assertThat(settings().logoFileId()).isEqualTo(id);
		assertThat(logo()).isEqualTo(png);
		assertThat(announcedLogo(id)).isTrue();
		this.client.get().uri("/api/users/settings/logo").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aNewLogoReplacesTheOldAndDeletingItClearsTheSettings() {
		put(adminBearer(), "first.png", AvatarApiTests.png(31)).expectStatus().isOk();
		byte[] second = AvatarApiTests.png(32);
		put(adminBearer(), "second.png", second).expectStatus().isOk();
		assertThat(logo()).isEqualTo(second);
		delete(adminBearer()).expectStatus().isNoContent();
		assertThat(settings().logoFileId()).isNull();
		this.client.get()
			.uri("/api/users/settings/logo")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isNotFound();
		delete(adminBearer()).expectStatus().isNoContent();
	}

	@Test
	void onlyAnAdminChangesTheLogoAndOnlyToAnImage() {
		byte[] kept = AvatarApiTests.png(33);
		put(adminBearer(), "kept.png", kept).expectStatus().isOk();
		put(memberBearer(), "mine.png", AvatarApiTests.png(34)).expectStatus().isForbidden();
		delete(memberBearer()).expectStatus().isForbidden();
		put(adminBearer(), "logo.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)).expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		put(adminBearer(), "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isEqualTo(415);
		assertThat(logo()).isEqualTo(kept);
	}

	private byte[] logo() {
		return this.client.get()
			.uri("/api/users/settings/logo")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private OrganisationSettings settings() {
		return this.client.get()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrganisationSettings.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec put(String caller, String name, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", bytes).filename(name);
		return this.client.put()
			.uri("/api/users/settings/logo")
			.header(HttpHeaders.AUTHORIZATION, caller)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private WebTestClient.ResponseSpec delete(String caller) {
		return this.client.delete()
			.uri("/api/users/settings/logo")
			.header(HttpHeaders.AUTHORIZATION, caller)
			.exchange();
	}

	private static boolean announcedLogo(String fileId) {
		try (TopicReader reader = new TopicReader(Topics.SETTINGS)) {
			return reader
				.awaitUntil((all) -> all.stream()
					.map((r) -> json.readValue(r.value(), EventEnvelope.class))
					.anyMatch((e) -> e.type().equals("settings.updated")
							&& fileId.equals(e.payload().get("logoFileId").asString())))
				.size() > 0;
		}
	}

}
