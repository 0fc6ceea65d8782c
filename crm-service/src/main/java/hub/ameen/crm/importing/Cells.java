package hub.ameen.crm.importing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cell rules shared by import and export: blank is absent, tags are separated by
 * {@code ;}, and a cell a spreadsheet would run as a formula ({@code = + - @}, tab, CR)
 * is written with a leading {@code '} that the import takes off again.
 */
final class Cells {

	private Cells() {
	}

	/** The cell as an export writes it: never a formula. */
	static String neutralised(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return formulaLike(value) || (value.charAt(0) == '\'' && value.length() > 1 && formulaLike(value.substring(1)))
				? "'" + value : value;
	}

	/**
	 * The cell as the import reads it: blank is null, an export's {@code '} is taken off.
	 */
	static String read(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > 1 && trimmed.charAt(0) == '\'') {
			String rest = trimmed.substring(1);
			boolean quotedQuote = rest.length() > 1 && rest.charAt(0) == '\'' && formulaLike(rest.substring(1));
			return (formulaLike(rest) || quotedQuote) ? rest : trimmed;
		}
		return trimmed;
	}

	static List<String> tags(String cell) {
		return (cell == null) ? null
				: Arrays.stream(cell.split(";")).map(String::strip).filter((tag) -> !tag.isEmpty()).toList();
	}

	/** The current cells with the row's non-empty cells on top. */
	static Map<String, String> overlay(Map<String, String> current, Map<String, String> row) {
		Map<String, String> merged = new LinkedHashMap<>(current);
		row.forEach((column, value) -> {
			if (value != null) {
				merged.put(column, value);
			}
		});
		merged.replaceAll((column, value) -> (value == null || value.isBlank()) ? null : value);
		return merged;
	}

	private static boolean formulaLike(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

}
