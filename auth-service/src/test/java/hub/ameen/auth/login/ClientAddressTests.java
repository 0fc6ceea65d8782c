package hub.ameen.auth.login;

import java.net.InetSocketAddress;
import java.util.List;

import hub.ameen.platform.web.TrustedProxies;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which address a login counts against: X-Forwarded-For is believed only from a
 * configured proxy, and only its right-most hop that no trusted proxy wrote.
 */
class ClientAddressTests {

	private final ClientAddress clients = new ClientAddress(TrustedProxies.of(List.of("127.0.0.1", "::1")));

	@Test
	void aDirectClientIsItsConnectionsAddressWhateverItForwards() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("203.0.113.9", 5000))
			.header(ClientAddress.FORWARDED_FOR, "198.51.100.1")
			.build();

		assertThat(this.clients.of(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedProxyTheHopItAppendedCountsNotTheOnesTheClientWrote() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
			.header(ClientAddress.FORWARDED_FOR, " 198.51.100.1 , 10.0.0.2")
			.build();

		assertThat(this.clients.of(request)).isEqualTo("10.0.0.2");
	}

	@Test
	void withNoTrustedProxyConfiguredEvenLoopbackIsTheClient() {
		MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
			.header(ClientAddress.FORWARDED_FOR, "198.51.100.1")
			.build();

		assertThat(new ClientAddress(TrustedProxies.none()).of(request)).isEqualTo("127.0.0.1");
	}

	@Test
	void behindATrustedProxyWithoutAUsableHeaderTheProxyCounts() {
		MockServerHttpRequest garbage = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("::1", 5000))
			.header(ClientAddress.FORWARDED_FOR, "<script>")
			.build();
		MockServerHttpRequest none = MockServerHttpRequest.post("/api/auth/login")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 5000))
			.build();

		assertThat(this.clients.of(garbage)).isEqualTo("0:0:0:0:0:0:0:1");
		assertThat(this.clients.of(none)).isEqualTo("127.0.0.1");
	}

}
