package hub.ameen.platform.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Ports for the processes a test starts to listen on, chosen below the kernel's range of
 * ephemeral ports. A port the kernel handed out as free ({@code new ServerSocket(0)})
 * lies in that range, which is also where every outgoing connection of the suite (to
 * Kafka, between the services) takes its local port from: chosen at the start, such a
 * port was taken by a connection before the instance that owned it bound it, 14 minutes
 * later in the end-to-end suite and seconds later for a Hazelcast member.
 */
public final class ListenPorts {

	/** The lowest port handed out. */
	private static final int LOWEST = 10_000;

	/** Every port handed out, with its followers: none is handed out twice. */
	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private ListenPorts() {
	}

	/**
	 * A free port with the {@code following} ports after it free too (a scaled service's
	 * further instances listen on those), none of them handed out before by this JVM.
	 */
	public static synchronized int next(int following) {
		int ephemeralLow = ephemeralLow();
		for (int attempt = 0; attempt < 1_000 && ephemeralLow - following > LOWEST; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow - following);
			if (IntStream.rangeClosed(port, port + following).noneMatch(HANDED_OUT::contains)
					&& bindable(port, following)) {
				IntStream.rangeClosed(port, port + following).forEach(HANDED_OUT::add);
				return port;
			}
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort(); // a kernel with no room below its ephemeral
											// range
		}
		catch (IOException ex) {
			throw new IllegalStateException("no free port", ex);
		}
	}

	public static boolean bindable(int port, int following) {
		for (int candidate = port; candidate <= port + following; candidate++) {
			try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	/** The first port of Linux's ephemeral range (32768 unless configured otherwise). */
	public static int ephemeralLow() {
		try {
			// read by lines: a sized read of this file (Files.readString) returns its
			// first byte
			List<String> lines = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
			return Integer.parseInt(lines.get(0).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32_768;
		}
	}

}
