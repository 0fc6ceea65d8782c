package hub.ameen.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalog's table of types ({@code docs/events.md}) against the code: each type
 * is declared once, by {@code EventType.named("…")} in the producer's class the table
 * names, and every class of main code that names the type in a string is its producer or
 * a consumer the table lists. So a plain search for a type's name finds its producer and
 * every consumer, and the catalog says who they are.
 */
class EventCatalogTests {

	private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

	private static final Pattern DECLARED = Pattern.compile("EventType\\.named\\(\"([a-z][a-z.-]+)\"\\)");

	private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

	/** Main Java sources by module name as the catalog writes it. */
	private static final Map<String, List<Path>> sources = new LinkedHashMap<>();

	private static final List<Row> rows = new ArrayList<>();

	@BeforeAll
	static void read() throws IOException {
		Path root = ArchitectureTests.root;
		for (String service : ArchitectureTests.SERVICES.keySet()) {
			sources.put(service, javaFiles(root.resolve(service)));
		}
		try (Stream<Path> platform = Files.list(root.resolve("platform"))) {
			for (Path module : platform.filter(Files::isDirectory).toList()) {
				sources.put("platform-" + module.getFileName(), javaFiles(module));
			}
		}
		List<String> lines = Files.readAllLines(root.resolve("docs/events.md"));
		int header = lines.indexOf("| type | producer's constant | consumers |");
		assertThat(header).as("the catalog's table of types").isPositive();
		for (String line : lines.subList(header + 2, lines.size())) {
			if (!line.startsWith("|")) {
				break;
			}
			rows.add(Row.of(line));
		}
	}

	@Test
	void everyTypeDeclaredInCodeIsInTheCatalog() {
		Set<String> declared = new TreeSet<>();
		sources.values().stream().flatMap(List::stream).forEach((file) -> {
			Matcher matcher = DECLARED.matcher(text(file));
			while (matcher.find()) {
				declared.add(matcher.group(1));
			}
		});
		Set<String> catalogued = new TreeSet<>();
		rows.forEach((row) -> catalogued.addAll(row.types()));
		assertThat(declared).as("types declared with EventType.named").isNotEmpty();
		assertThat(catalogued).containsAll(declared);
	}

	@TestFactory
	Stream<DynamicTest> eachTypeIsDeclaredByItsProducerAndNamedOnlyByTheClassesTheCatalogLists() {
		return rows.stream().flatMap((row) -> row.types().stream().map((type) -> DynamicTest.dynamicTest(type, () -> {
			Path producer = find(row.producerModules(), row.producerClass()).orElseThrow(
					() -> new AssertionError("no class " + row.producerClass() + " in " + row.producerModules()));
			assertThat(text(producer)).as(producer + " declares " + type).contains("named(\"" + type + "\")");

			Set<Path> listed = new LinkedHashSet<>();
			listed.add(producer);
			row.consumers()
				.forEach((consumer) -> listed.add(find(List.of(consumer.module()), consumer.name())
					.orElseThrow(() -> new AssertionError("no consumer class " + consumer))));
			Set<Path> naming = new TreeSet<>();
			sources.values()
				.stream()
				.flatMap(List::stream)
				.filter((file) -> text(file).contains("\"" + type + "\""))
				.forEach(naming::add);
			assertThat(naming).as("the classes that name " + type + " in a string").isSubsetOf(listed);
		})));
	}

	@TestFactory
	Stream<DynamicTest> eachListedConsumerNamesATypeOfItsRow() {
		return rows.stream()
			.flatMap((row) -> row.consumers()
				.stream()
				.map((consumer) -> DynamicTest
					.dynamicTest(consumer.name() + " (" + String.join(", ", row.types()) + ")", () -> {
						String text = text(find(List.of(consumer.module()), consumer.name()).orElseThrow());
						assertThat(row.types()).anyMatch((type) -> text.contains("\"" + type + "\""));
					})));
	}

	private static Optional<Path> find(List<String> modules, String simpleName) {
		return modules.stream()
			.flatMap((module) -> sources.getOrDefault(module, List.of()).stream())
			.filter((file) -> file.getFileName().toString().equals(simpleName + ".java"))
			.findFirst();
	}

	private static List<Path> javaFiles(Path module) throws IOException {
		Path main = module.resolve("src/main/java");
		if (!Files.isDirectory(main)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(main)) {
			return files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
	}

	/** A source file's code, without its comments (whose examples name types too). */
	private static String text(Path file) {
		try {
			return COMMENT.matcher(Files.readString(file)).replaceAll(" ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One row of the table: its types, the producer's module(s) and class, and each
	 * consumer class by module.
	 */
	record Row(List<String> types, List<String> producerModules, String producerClass, List<Consumer> consumers) {

		static Row of(String line) {
			String[] cells = line.split("\\|");
			List<String> types = ticked(cells[1]);
			String producer = cells[2].strip();
			List<String> producerModules = new ArrayList<>(List.of(producer.substring(0, producer.indexOf(' '))));
			// platform-files runs inside the services that attach files
			Matcher inside = Pattern.compile("\\(in ([^)]*)\\)").matcher(producer);
			if (inside.find()) {
				producerModules.addAll(List.of(inside.group(1).split(",\\s*")));
			}
			String producerClass = ticked(producer).get(0).split("\\.")[0];
			List<Consumer> consumers = new ArrayList<>();
			for (String consumer : outsideParentheses(cells[3])) {
				String text = consumer.strip();
				if (!text.equals("—") && !text.isEmpty()) {
					// the module, then its classes, then what they do in parentheses
					String module = text.substring(0, text.indexOf(' '));
					String classes = (text.indexOf('(') > 0) ? text.substring(0, text.indexOf('(')) : text;
					ticked(classes).forEach((name) -> consumers.add(new Consumer(module, name)));
				}
			}
			return new Row(types, producerModules, producerClass, consumers);
		}

		/** A consuming class, by its simple name, and the module it is in. */
		record Consumer(String module, String name) {
		}

		/** The cell's parts between semicolons that are not inside parentheses. */
		private static List<String> outsideParentheses(String cell) {
			List<String> parts = new ArrayList<>();
			int depth = 0;
			int from = 0;
			for (int i = 0; i < cell.length(); i++) {
				char c = cell.charAt(i);
				depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
				if (c == ';' && depth == 0) {
					parts.add(cell.substring(from, i));
					from = i + 1;
				}
			}
			parts.add(cell.substring(from));
			return parts;
		}

		private static List<String> ticked(String cell) {
			List<String> ticked = new ArrayList<>();
			Matcher matcher = TICKED.matcher(cell);
			while (matcher.find()) {
				ticked.add(matcher.group(1));
			}
			return ticked;
		}

	}

}
