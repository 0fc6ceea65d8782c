package hub.ameen.platform.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with no connection of its own (a mock's, as tests bound to an application
 * context send) passes through, event stream or not.
 */
class EventStreamReadPauseFilterTests {

	@Test
	void anEventStreamWithoutAConnectionIsServedAsAnyOther() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/events"));
		new EventStreamReadPauseFilter().filter(exchange, (served) -> {
			served.getResponse().getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
			return served.getResponse().setComplete();
		}).block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().isCommitted()).isTrue();
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.TEXT_EVENT_STREAM);
	}

	@Test
	void aPlainResponseWithoutAConnectionIsServedAsAnyOther() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/plain"));
		new EventStreamReadPauseFilter().filter(exchange, (served) -> Mono.empty()).block(Duration.ofSeconds(5));
		assertThat(exchange.getResponse().isCommitted()).isFalse();
	}

}
