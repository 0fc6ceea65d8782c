package hub.ameen.gateway.web;

import java.time.Duration;

import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = TestTokens.WITHOUT_REVOCATIONS)
@UsesTestTokens
class WebAppTests {

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void theRootServesIndexHtmlThatIsNeverCachedWithoutRevalidation() {
		String body = html("/").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("test app");
	}

	@Test
	void anAppRouteAskedForByABrowserGetsIndexHtmlWithoutAToken() {
		String body = html("/calendar/week").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("test app");
	}

	@Test
	void hashedAssetsAreCachedForAYearAsImmutable() {
		this.client.get()
			.uri("/assets/test-0a1b2c.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
	}

	@Test
	void aMissingAssetIsA404NotTheApp() {
		this.client.get()
			.uri("/assets/missing-123.js")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.value(HttpHeaders.CACHE_CONTROL, (value) -> assertThat(value).doesNotContain("immutable"));
	}

	@Test
	void apiPathsNeverFallBackToTheAppEvenForABrowser() {
		html("/api/crm/contacts").expectStatus().isUnauthorized();
	}

	@Test
	void anAppRouteAskedForAsJsonOrWithAnotherMethodIsNotTheApp() {
		this.client.get()
			.uri("/calendar")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(HttpStatus.OK.value()));
		this.client.post()
			.uri("/calendar")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(HttpStatus.OK.value()));
	}

	private WebTestClient.ResponseSpec html(String path) {
		return this.client.get()
			.uri(path)
			.accept(MediaType.TEXT_HTML, MediaType.parseMediaType("application/xhtml+xml"), MediaType.ALL)
			.exchange();
	}

}
