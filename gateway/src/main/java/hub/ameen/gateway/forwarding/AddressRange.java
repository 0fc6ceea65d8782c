package hub.ameen.gateway.forwarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One IP address or CIDR block ({@code 10.0.0.7}, {@code 172.16.0.0/12},
 * {@code fd00::/8}); only literals, so that parsing never asks DNS.
 */
final class AddressRange {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final byte[] network;

	private final int bits;

	private AddressRange(byte[] network, int bits) {
		this.network = network;
		this.bits = bits;
	}

	static AddressRange parse(String text) {
		String[] parts = text.trim().split("/", 2);
		if (!LITERAL.matcher(parts[0]).matches()) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: " + text);
		}
		try {
			byte[] network = InetAddress.getByName(parts[0]).getAddress();
			int bits = (parts.length == 2) ? Integer.parseInt(parts[1]) : network.length * 8;
			if (bits < 0 || bits > network.length * 8) {
				throw new IllegalArgumentException("Prefix length out of range: " + text);
			}
			return new AddressRange(network, bits);
		}
		catch (UnknownHostException | NumberFormatException ex) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: " + text, ex);
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int whole = this.bits / 8;
		for (int i = 0; i < whole; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.bits % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (candidate[whole] & mask) == (this.network[whole] & mask);
	}

}
