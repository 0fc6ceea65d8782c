package hub.ameen.crm.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file read with Apache Commons CSV: UTF-8 (a byte that is not is an error, not a
 * replacement character), with or without a BOM, the first row the header. Columns are
 * mapped by name, whatever their case, spaces, dashes or underscores ({@code First Name}
 * is {@code firstName}); columns the import does not know are ignored.
 */
final class CsvFile implements AutoCloseable {

	/** The longest cell a row may have; longer ones fail the row. */
	static final int MAX_CELL = 10_000;

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
		.setAllowMissingColumnNames(true)
		.get();

	private final CSVParser parser;

	private final Map<String, String> columns;

	private CsvFile(CSVParser parser, Map<String, String> columns) {
		this.parser = parser;
		this.columns = columns;
	}

	/**
	 * Opens the file and maps its header onto the known columns.
	 * @throws IllegalArgumentException when the header is missing, repeats a column or
	 * lacks the first known column
	 */
	static CsvFile open(Path file, List<String> known) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file));
		skipBom(in);
		Reader reader = new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
		CSVParser parser;
		try {
			parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
		}
		catch (IllegalArgumentException | UncheckedIOException | IOException ex) {
			reader.close();
			throw new IllegalArgumentException(
					notUtf8(ex) ? "the file is not UTF-8 text" : "the CSV header cannot be read: " + ex.getMessage());
		}
		Map<String, String> columns = new LinkedHashMap<>();
		for (String name : parser.getHeaderNames()) {
			known.stream()
				.filter((column) -> normal(column).equals(normal(name)))
				.findFirst()
				.ifPresent((column) -> columns.put(name, column));
		}
		if (!columns.containsValue(known.get(0))) {
			parser.close();
			throw new IllegalArgumentException("the CSV header must name the column " + known.get(0) + " (it has "
					+ parser.getHeaderNames() + "); known columns are " + known);
		}
		return new CsvFile(parser, columns);
	}

	Iterable<CSVRecord> records() {
		return this.parser;
	}

	int headerSize() {
		return this.parser.getHeaderNames().size();
	}

	/** The known columns' cells of a record, blank ones as null. */
	Map<String, String> cells(CSVRecord record) {
		Map<String, String> cells = new LinkedHashMap<>();
		this.columns
			.forEach((name, column) -> cells.put(column, record.isSet(name) ? Cells.read(record.get(name)) : null));
		return cells;
	}

	@Override
	public void close() throws IOException {
		this.parser.close();
	}

	/** Whether reading failed on bytes that are not UTF-8. */
	static boolean notUtf8(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.nio.charset.CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	private static void skipBom(InputStream in) throws IOException {
		in.mark(3);
		byte[] bom = in.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
	}

	private static String normal(String name) {
		return name.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
	}

}
