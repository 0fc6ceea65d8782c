package hub.ameen.tasks.task;

/**
 * Board ranks: texts over {@code 0-9A-Za-z} compared as text, none ending in {@code 0},
 * so that between any two there is always another. A new task's rank is its
 * (time-ordered) id, so new cards go to the end of a column; a move takes a rank between
 * its new neighbours.
 */
final class Ranks {

	private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final int BASE = DIGITS.length();

	private Ranks() {
	}

	/** The rank of a new card: after every earlier one. */
	static String initial(String id) {
		return id + "V";
	}

	/**
	 * A rank strictly between two others.
	 * @param before the rank to follow, or null for the start of the column
	 * @param after the rank to precede, or null for the end of the column
	 * @return the new rank
	 * @throws IllegalArgumentException if {@code before} is not less than {@code after}
	 */
	static String between(String before, String after) {
		String low = (before != null) ? before : "";
		if (after != null && low.compareTo(after) >= 0) {
			throw new IllegalArgumentException("no rank between " + before + " and " + after);
		}
		return midpoint(low, after);
	}

	private static String midpoint(String low, String high) {
		if (high != null) {
			int common = 0;
			while (common < high.length() && digitAt(low, common) == DIGITS.indexOf(high.charAt(common))) {
				common++;
			}
			if (common > 0) {
				return high.substring(0, common)
						+ midpoint(low.substring(Math.min(common, low.length())), high.substring(common));
			}
		}
		int lowDigit = digitAt(low, 0);
		int highDigit = (high != null) ? DIGITS.indexOf(high.charAt(0)) : BASE;
		if (highDigit - lowDigit > 1) {
			return String.valueOf(DIGITS.charAt((lowDigit + highDigit) / 2));
		}
		if (high != null && high.length() > 1) {
			return high.substring(0, 1);
		}
		return DIGITS.charAt(lowDigit) + midpoint(low.isEmpty() ? "" : low.substring(1), null);
	}

	private static int digitAt(String text, int index) {
		return (index < text.length()) ? DIGITS.indexOf(text.charAt(index)) : 0;
	}

}
