package hub.ameen.platform.web;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which address is the client's behind proxies: X-Forwarded-For counts only from a
 * trusted peer, and only up to the right-most hop a trusted proxy did not write.
 */
class TrustedProxiesTests {

	private final TrustedProxies loopbackAndGateway = TrustedProxies.of(List.of("127.0.0.1", "::1", "172.28.0.0/24"));

	@Test
	void anUntrustedPeerIsTheClientWhateverItForwards() throws Exception {
		assertThat(this.loopbackAndGateway.clientAddress(ip("203.0.113.9"), List.of("198.51.100.1")))
			.isEqualTo("203.0.113.9");
		assertThat(TrustedProxies.none().clientAddress(ip("127.0.0.1"), List.of("198.51.100.1")))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() throws Exception {
		// the client wrote 1.2.3.4 itself; the gateway appended the address it saw
		assertThat(this.loopbackAndGateway.clientAddress(ip("127.0.0.1"), List.of("1.2.3.4, 198.51.100.7")))
			.isEqualTo("198.51.100.7");
		assertThat(this.loopbackAndGateway.clientAddress(ip("172.28.0.10"),
				List.of("1.2.3.4", "198.51.100.7, 172.28.0.3")))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void aChainOfOnlyTrustedHopsEndsAtItsFirstHop() throws Exception {
		assertThat(this.loopbackAndGateway.clientAddress(ip("::1"), List.of("172.28.0.4, 127.0.0.1")))
			.isEqualTo("172.28.0.4");
	}

	@Test
	void aHopThatIsNotAnAddressStopsTheWalk() throws Exception {
		assertThat(this.loopbackAndGateway.clientAddress(ip("127.0.0.1"), List.of("<script>, 198.51.100.7")))
			.isEqualTo("198.51.100.7");
		assertThat(this.loopbackAndGateway.clientAddress(ip("127.0.0.1"), List.of("example.com")))
			.isEqualTo("127.0.0.1");
		assertThat(this.loopbackAndGateway.clientAddress(ip("127.0.0.1"), List.of())).isEqualTo("127.0.0.1");
	}

	@Test
	void rangesMatchByPrefix() throws Exception {
		TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.128/25"));

		assertThat(proxies.trusts(ip("10.200.3.4"))).isTrue();
		assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
		assertThat(proxies.trusts(ip("fd12::1"))).isTrue();
		assertThat(proxies.trusts(ip("192.168.1.200"))).isTrue();
		assertThat(proxies.trusts(ip("192.168.1.100"))).isFalse();
	}

	@Test
	void anEntryThatIsNotAnAddressIsRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("gateway")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")));
	}

	private static InetAddress ip(String literal) throws Exception {
		return InetAddress.getByName(literal);
	}

}
