package hub.ameen.auth.login;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which address a login counts against: X-Forwarded-For is believed only from a proxy on
 * this machine.
 */
class ClientAddressTests {

	@Test
	void aDirectClientIsItsConnectionsAddressWhateverItForwards() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 5000))
			.header(ClientAddress.FORWARDED_FOR, "198.51.100.1")
			.build();

		assertThat(ClientAddress.of(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindALocalProxyTheFirstForwardedHopCounts() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
			.header(ClientAddress.FORWARDED_FOR, " 198.51.100.1 , 10.0.0.2")
			.build();

		assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.1");
	}

	@Test
	void behindALocalProxyWithoutAUsableHeaderTheProxyCounts() {
		MockServerHttpRequest garbage = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("::1", 5000))
			.header(ClientAddress.FORWARDED_FOR, "<script>")
			.build();
		MockServerHttpRequest none = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
			.build();

		assertThat(ClientAddress.of(garbage)).isEqualTo("0:0:0:0:0:0:0:1");
		assertThat(ClientAddress.of(none)).isEqualTo("127.0.0.1");
	}

}
