package hub.ameen.user;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import hub.ameen.platform.security.Permissions;
import hub.ameen.user.directory.User;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatars in the running service: a user puts their own image, anyone signed in sees it,
 * only the user or an admin changes it, a new one replaces the old, and deleting the user
 * deletes it.
 */
class AvatarApiTests extends UserServiceTestSupport {

	@Test
	void aUserPutsTheirOwnAvatarAndAnyoneSignedInSeesIt() {
		User user = createUser("member");
		byte[] png = png(40);
		put("/api/users/me/avatar", bearer(user.id()), "me.png", png).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.contentType")
			.isEqualTo("image/png");
		byte[] seen = this.client.get()
			.uri("/api/users/" + user.id() + "/avatar")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(seen).isEqualTo(png);
		this.client.get().uri("/api/users/" + user.id() + "/avatar").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void onlyTheUserOrAnAdminChangesItAndANewOneReplacesTheOld() {
		User user = createUser("member");
		put("/api/users/" + user.id() + "/avatar", bearer(user.id()), "a.png", png(10)).expectStatus().isOk();
		put("/api/users/" + user.id() + "/avatar", memberBearer(), "b.png", png(11)).expectStatus().isForbidden();
		byte[] second = png(12);
		put("/api/users/" + user.id() + "/avatar", bearer("an-admin", Permissions.USERS_ADMIN), "c.png", second)
			.expectStatus()
			.isOk();
		assertThat(avatar(user)).isEqualTo(second);
		this.client.delete()
			.uri("/api/users/" + user.id() + "/avatar")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri("/api/users/" + user.id() + "/avatar")
			.header(HttpHeaders.AUTHORIZATION, bearer(user.id()))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/users/" + user.id() + "/avatar")
			.header(HttpHeaders.AUTHORIZATION, bearer(user.id()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anAvatarMustBeAnImage() {
		User user = createUser("member");
		put("/api/users/me/avatar", bearer(user.id()), "cv.pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void deletingTheUserDeletesTheirAvatar() throws IOException {
		User user = createUser("member");
		String id = put("/api/users/me/avatar", bearer(user.id()), "me.png", png(20)).expectStatus()
			.isOk()
			.expectBody(tools.jackson.databind.JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		Path file = dataDir.resolve("user-service/uploads/images/" + id);
		assertThat(Files.exists(file)).isTrue();
		this.client.delete()
			.uri("/api/users/" + user.id())
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(Files.exists(file)).isFalse();
	}

	private byte[] avatar(User user) {
		return this.client.get()
			.uri("/api/users/" + user.id() + "/avatar")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec put(String path, String caller, String name, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", bytes).filename(name);
		return this.client.put()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, caller)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	static byte[] png(int width) {
		BufferedImage image = new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xC0FFEE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
