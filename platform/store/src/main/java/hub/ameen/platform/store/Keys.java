package hub.ameen.platform.store;

/**
 * Parts of keys that sort as numbers: a number zero-padded to a fixed width, so that the
 * keys' byte order is the numbers' order.
 */
public final class Keys {

	private Keys() {
	}

	/**
	 * The number in decimal, zero-padded to at least {@code digits}: what
	 * {@code String.format("%0<digits>d", value)} makes, without parsing a format for
	 * every key.
	 * @param value the number; a negative one keeps its sign in front, as the format does
	 * @param digits the width, 1 to 20
	 * @return e.g. {@code 0000000042} for 42 and 10 digits
	 */
	public static String zeroPadded(long value, int digits) {
		if (digits < 1 || digits > 20) {
			throw new IllegalArgumentException("digits must be 1 to 20");
		}
		String number = Long.toString(value);
		int pad = digits - number.length();
		if (pad <= 0) {
			return number;
		}
		StringBuilder padded = new StringBuilder(digits);
		int from = 0;
		if (value < 0) {
			padded.append('-');
			from = 1;
		}
		for (int i = 0; i < pad; i++) {
			padded.append('0');
		}
		return padded.append(number, from, number.length()).toString();
	}

}
