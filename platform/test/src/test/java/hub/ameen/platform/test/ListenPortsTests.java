package hub.ameen.platform.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListenPortsTests {

	@Test
	void aPortIsFreeWithItsFollowersAndOutsideTheRangeOutgoingConnectionsTakeTheirsFrom() throws IOException {
		for (int i = 0; i < 20; i++) {
			int port = ListenPorts.next(4);
			assertThat(port).isGreaterThanOrEqualTo(10_000).isLessThan(ListenPorts.ephemeralLow() - 4);
			for (int candidate = port; candidate <= port + 4; candidate++) {
				try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
					assertThat(socket.getLocalPort()).isEqualTo(candidate);
				}
			}
		}
	}

	@Test
	void noPortIsHandedOutTwice() {
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 3_000; i++) {
			int port = ListenPorts.next(2);
			for (int candidate = port; candidate <= port + 2; candidate++) {
				assertThat(seen.add(candidate)).as("port %d handed out again", candidate).isTrue();
			}
		}
	}

	@Test
	void aPortInUseOrOneFollowedByAPortInUseIsNotFree() throws IOException {
		int port = ListenPorts.next(0);
		assertThat(ListenPorts.bindable(port, 0)).isTrue();
		try (ServerSocket held = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThat(ListenPorts.bindable(port, 0)).isFalse();
			assertThat(ListenPorts.bindable(port - 2, 2)).isFalse();
			assertThat(ListenPorts.bindable(port - 2, 1)).isTrue();
		}
	}

}
