package hub.ameen.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as IP addresses and CIDR ranges
 * ({@code 10.0.0.5}, {@code 172.28.0.0/24}, {@code ::1}). The client is the right-most
 * address of the chain that is not a trusted proxy: every hop left of it could have been
 * written by the client itself.
 */
public final class TrustedProxies {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Trusts no proxy: the client is always the connection's peer.
	 * @return the empty list
	 */
	public static TrustedProxies none() {
		return new TrustedProxies(List.of());
	}

	/**
	 * Parses addresses and CIDR ranges; literals only, never a host name to resolve.
	 * @param entries such as {@code 127.0.0.1}, {@code ::1} or {@code 10.0.0.0/8}
	 * @return the trusted proxies
	 * @throws IllegalArgumentException for an entry that is not an address or range
	 */
	public static TrustedProxies of(List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : entries) {
			if (!entry.isBlank()) {
				ranges.add(Range.parse(entry.trim()));
			}
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	/**
	 * Whether an address is one of the trusted proxies.
	 * @param address the address
	 * @return {@code true} if a configured address or range holds it
	 */
	public boolean trusts(InetAddress address) {
		return this.ranges.stream().anyMatch((range) -> range.contains(address));
	}

	/**
	 * The client behind a chain of proxies: the peer itself unless it is trusted, else
	 * the right-most address of {@code X-Forwarded-For} that is not trusted (or the
	 * left-most hop if every hop is trusted). A hop that is not an IP literal ends the
	 * walk: the last address known good is answered.
	 * @param peer the connection's peer
	 * @param forwardedFor the {@code X-Forwarded-For} header values, in order, may be
	 * empty
	 * @return the client's address, as {@link InetAddress#getHostAddress()} writes it
	 */
	public String clientAddress(InetAddress peer, List<String> forwardedFor) {
		InetAddress client = peer;
		List<String> hops = hops(forwardedFor);
		for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
			InetAddress hop = literal(hops.get(i));
			if (hop == null) {
				break;
			}
			client = hop;
		}
		return client.getHostAddress();
	}

	private static List<String> hops(List<String> headerValues) {
		List<String> hops = new ArrayList<>();
		for (String value : headerValues) {
			for (String hop : value.split(",")) {
				hops.add(hop.trim());
			}
		}
		return hops;
	}

	/** An IP literal as an address, or {@code null}; never a DNS lookup. */
	static InetAddress literal(String text) {
		if (text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String entry) {
			int slash = entry.indexOf('/');
			InetAddress address = literal((slash >= 0) ? entry.substring(0, slash) : entry);
			if (address == null) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
			}
			int bits = address.getAddress().length * 8;
			int prefix = (slash >= 0) ? parsePrefix(entry.substring(slash + 1), entry) : bits;
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry);
			}
			return new Range(address.getAddress(), prefix);
		}

		private static int parsePrefix(String text, String entry) {
			try {
				return Integer.parseInt(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("Not an IP address or CIDR range: " + entry, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			int whole = this.prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return rest == 0 || (bytes[whole] & mask) == (this.network[whole] & mask);
		}

	}

}
