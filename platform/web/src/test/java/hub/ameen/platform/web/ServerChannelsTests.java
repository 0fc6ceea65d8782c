package hub.ameen.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with no server connection under it, decorated or not, has no channel (and
 * throws nothing); a served one's is found in {@code ClientGoneTests} and
 * {@code EventStreamReadPauseTests}.
 */
class ServerChannelsTests {

	@Test
	void aMocksRequestHasNoChannel() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/x").build();
		assertThat(ServerChannels.of(request)).isNull();
		assertThat(ServerChannels.of(new ServerHttpRequestDecorator(request))).isNull();
	}

}
