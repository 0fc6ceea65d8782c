package hub.ameen.platform.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON mapper keeps its buffers per thread and is still the one Spring Boot's
 * customizers shape and WebFlux writes responses with.
 */
@SpringBootTest(classes = JsonBuffersTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JsonBuffersTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void theBuffersAResponseTookAreTheOnesTheNextResponseOnItsThreadGets() {
		TokenStreamFactory factory = this.json.tokenStreamFactory();
		// WebFlux's encoder takes a set for its output and never gives it back
		BufferRecycler taken = factory._getBufferRecycler();
		assertThat(factory._getBufferRecycler()).isSameAs(taken);
		BufferRecycler elsewhere = CompletableFuture.supplyAsync(factory::_getBufferRecycler).join();
		assertThat(elsewhere).as("another thread's set").isNotNull().isNotSameAs(taken);
	}

	@Test
	void theMapperTheStoresAndBodiesShareReadsInstantsWithoutDateTimeFormatter() {
		assertThat(IsoInstantDeserializerTests.Probe.instants(this.json)).isInstanceOf(IsoInstantDeserializer.class);
	}

	@Test
	void bootsCustomizersShapeTheMapperThatWritesResponses() {
		assertThat(this.json.isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();
		String body = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/greeting")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\n").contains("\"hello\"");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		JsonMapperBuilderCustomizer indented() {
			return (builder) -> builder.enable(SerializationFeature.INDENT_OUTPUT);
		}

		@RestController
		static class Greeting {

			@GetMapping("/greeting")
			Map<String, String> greeting() {
				return Map.of("hello", "world");
			}

		}

	}

}
