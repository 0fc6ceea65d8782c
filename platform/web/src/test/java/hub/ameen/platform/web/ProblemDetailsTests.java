package hub.ameen.platform.web;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ProblemDetailsTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ProblemDetailsTests {

	private static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * MB))
			.build();
	}

	@Test
	void invalidBodyIsValidationProblemWithFieldErrors() {
		problem(this.client.post().uri("/test/contacts").bodyValue(Map.of("name", " ", "email", "not-an-email")),
				HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION)
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isNotEmpty()
			.jsonPath("$.errors[?(@.field == 'email')].message")
			.isNotEmpty();
	}

	@Test
	void validBodyPasses() {
		this.client.post()
			.uri("/test/contacts")
			.bodyValue(Map.of("name", "Ada", "email", "ada@example.com"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Ada");
	}

	@Test
	void malformedJsonIsMalformedBodyWithoutParserDetails() {
		problem(this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Ada\", \"email\": "), HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY);
		String raw = new String(this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": [1, 2}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(raw).contains(ProblemTypes.MALFORMED_BODY.toString())
			.doesNotContain("jackson")
			.doesNotContain("Exception")
			.doesNotContain("hub.ameen.platform");
	}

	@Test
	void aLoneSurrogateInAJsonStringIsAMalformedBodyAndAPairedOneIsKept() {
		problem(this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Ada \\ud800\", \"email\": \"ada@example.com\"}"), HttpStatus.BAD_REQUEST,
				ProblemTypes.MALFORMED_BODY);
		problem(this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"\\udc00Ada\", \"email\": \"ada@example.com\"}"), HttpStatus.BAD_REQUEST,
				ProblemTypes.MALFORMED_BODY);
		this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Ada \\ud83d\\ude00\", \"email\": \"ada@example.com\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Ada \uD83D\uDE00");
	}

	@Test
	void aQueryValueOfTheWrongTypeIsAValidationProblemThatNamesNoJavaType() {
		String raw = new String(problem(this.client.get().uri("/test/search?limit=1.5"), HttpStatus.BAD_REQUEST,
				ProblemTypes.VALIDATION)
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit")
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain("java.lang").doesNotContain("Integer");
	}

	@Test
	void missingBodyIsMalformedBody() {
		problem(this.client.post().uri("/test/contacts").contentType(MediaType.APPLICATION_JSON),
				HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY);
	}

	@Test
	void notFoundExceptionIsNotFoundProblem() {
		problem(this.client.get().uri("/test/contacts/c-42"), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND)
			.jsonPath("$.detail")
			.isEqualTo("Contact c-42 not found")
			.jsonPath("$.instance")
			.isEqualTo("/test/contacts/c-42");
	}

	@Test
	void conflictExceptionIsConflictProblem() {
		problem(this.client.post().uri("/test/conflict"), HttpStatus.CONFLICT, ProblemTypes.CONFLICT)
			.jsonPath("$.detail")
			.isEqualTo("Email already taken");
	}

	@Test
	void badRequestExceptionIsBadRequestProblem() {
		problem(this.client.get().uri("/test/bad"), HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST)
			.jsonPath("$.detail")
			.isEqualTo("Due date is before start");
	}

	@Test
	void illegalArgumentIsBadRequestWithItsMessage() {
		problem(this.client.get().uri("/test/illegal"), HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST)
			.jsonPath("$.detail")
			.isEqualTo("Invalid cursor");
	}

	@Test
	void unexpectedErrorIsGenericInternalProblem() {
		String raw = new String(
				problem(this.client.get().uri("/test/boom"), HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL)
					.returnResult()
					.getResponseBodyContent(),
				StandardCharsets.UTF_8);
		assertThat(raw).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at hub.");
	}

	@Test
	void refusedConnectionIsServiceUnavailableProblem() {
		problem(this.client.get().uri("/test/refused"), HttpStatus.SERVICE_UNAVAILABLE,
				ProblemTypes.SERVICE_UNAVAILABLE);
	}

	@Test
	void requestsAreMatchedToHandlersOnTheirPathFirstSoTheseProblemsComeFromThatMapping(
			@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping) {
		assertThat(mapping).isInstanceOf(PathFirstHandlerMapping.class);
	}

	@Test
	void unknownPathIsNotFoundProblem() {
		problem(this.client.get().uri("/nowhere/at/all"), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND)
			.jsonPath("$.instance")
			.isEqualTo("/nowhere/at/all");
	}

	@Test
	void aPathAndQueryOverEightKilobytesIsAUriTooLongProblemAndAShorterLongOneIsServed() {
		String id = "x".repeat(5_000);
		problem(this.client.get().uri("/test/contacts/" + id), HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND);
		problem(this.client.get().uri("/test/contacts/a?q=" + "%25".repeat(3_000)), HttpStatus.URI_TOO_LONG,
				ProblemTypes.URI_TOO_LONG)
			.jsonPath("$.detail")
			.isEqualTo("The request's path and query are longer than 8192 characters");
	}

	@Test
	void aStreamClientsUnknownPathIsStillAJsonProblemNotAnEvent() {
		problem(this.client.get().uri("/nowhere/stream").accept(MediaType.TEXT_EVENT_STREAM), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND)
			.jsonPath("$.status")
			.isEqualTo(404);
		problem(this.client.get().uri("/test/contacts/gone").accept(MediaType.TEXT_EVENT_STREAM), HttpStatus.NOT_FOUND,
				ProblemTypes.NOT_FOUND)
			.jsonPath("$.status")
			.isEqualTo(404);
	}

	@Test
	void wrongMethodIsMethodNotAllowedProblemWithAllow() {
		this.client.delete()
			.uri("/test/contacts")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueMatches(HttpHeaders.ALLOW, ".*POST.*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.METHOD_NOT_ALLOWED.toString());
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaTypeProblem() {
		problem(this.client.post().uri("/test/contacts").contentType(MediaType.TEXT_PLAIN).bodyValue("name=Ada"),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void bodyOverLimitWithContentLengthIsPayloadTooLarge() {
		String body = "{\"name\":\"" + "x".repeat(21 * MB) + "\"}";
		problem(this.client.post().uri("/test/contacts").contentType(MediaType.APPLICATION_JSON).bodyValue(body),
				HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE);
	}

	@Test
	void chunkedBodyOverLimitIsPayloadTooLarge() {
		Flux<String> chunks = Flux.concat(Flux.just("{\"name\":\""), Flux.range(0, 21).map((i) -> "x".repeat(MB)),
				Flux.just("\"}"));
		problem(this.client.post()
			.uri("/test/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, String.class), HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE);
	}

	@Test
	void jsonBodyOfSeveralMegabytesDecodes() {
		String name = "y".repeat(5 * MB);
		this.client.post()
			.uri("/test/contacts")
			.bodyValue(Map.of("name", name, "email", "big@example.com"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("big@example.com");
	}

	@Test
	void saneRequestIdIsEchoedAndPutInProblems() {
		this.client.get()
			.uri("/test/contacts/c-1")
			.header(RequestIdFilter.HEADER, "abc-123_x.y")
			.exchange()
			.expectHeader()
			.valueEquals(RequestIdFilter.HEADER, "abc-123_x.y")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("abc-123_x.y");
	}

	@Test
	void insaneRequestIdIsReplaced() {
		String given = "<script>" + "a".repeat(70);
		String id = this.client.get()
			.uri("/test/contacts/c-1")
			.header(RequestIdFilter.HEADER, given)
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(RequestIdFilter.HEADER);
		assertThat(id).isNotEqualTo(given).matches("[A-Za-z0-9._-]{1,64}");
	}

	@Test
	void requestIdIsInTheReactorContext() {
		this.client.get()
			.uri("/test/request-id")
			.header(RequestIdFilter.HEADER, "ctx-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ctx-1");
	}

	private WebTestClient.BodyContentSpec problem(WebTestClient.RequestHeadersSpec<?> request, HttpStatus status,
			java.net.URI type) {
		return request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(RequestIdFilter.HEADER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(type.toString())
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.requestId")
			.isNotEmpty()
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ThrowingController.class)
	static class App {

	}

	record Contact(@NotBlank String name, @Email String email) {
	}

	record Search(Integer limit) {
	}

	@RestController
	static class ThrowingController {

		@PostMapping("/test/contacts")
		Mono<Contact> create(@Valid @RequestBody Contact contact) {
			return Mono.just(contact);
		}

		@GetMapping("/test/search")
		Mono<String> search(Search search) {
			return Mono.just("limit " + search.limit());
		}

		@GetMapping("/test/contacts/{id}")
		Mono<Contact> get(@PathVariable String id) {
			throw new NotFoundException("Contact", id);
		}

		@PostMapping("/test/conflict")
		Mono<Void> conflict() {
			return Mono.error(new ConflictException("Email already taken"));
		}

		@GetMapping("/test/bad")
		Mono<Void> bad() {
			return Mono.error(new BadRequestException("Due date is before start"));
		}

		@GetMapping("/test/illegal")
		Mono<Void> illegal() {
			return Mono.error(new IllegalArgumentException("Invalid cursor"));
		}

		@GetMapping("/test/boom")
		Mono<Void> boom() {
			throw new IllegalStateException("secret internal detail");
		}

		@GetMapping("/test/refused")
		Mono<Void> refused() {
			return Mono.error(new ConnectException("Connection refused: localhost/127.0.0.1:1"));
		}

		@GetMapping("/test/request-id")
		Mono<String> requestId() {
			return Mono.deferContextual((context) -> Mono.just(context.get(RequestIdFilter.KEY)));
		}

	}

}
