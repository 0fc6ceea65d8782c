package hub.ameen.platform.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.store.WriteTxn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the store on real LMDB files (under {@code target/}, so commits really
 * fsync): random gets, pages of 50, and durable single-record writes — one at a time
 * ({@code writeAndWait}, the baseline) and {@value #IN_FLIGHT} in flight through
 * {@code Store.write}, where the writer batches them into shared commits. Write scores
 * are records per second in both cases, so their ratio is the batching gain.
 *
 * <p>
 * Run from the repository root: {@code platform/store/bench.sh} (any JMH options may
 * follow, e.g. {@code platform/store/bench.sh write -f 2}). It compiles the test sources
 * and runs {@link #main}, which prints JMH's table and then the ratio
 * batched/one-at-a-time measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1,
		jvmArgsAppend = { "--add-opens=java.base/java.nio=ALL-UNNAMED",
				"--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx512m" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class StoreBenchmark {

	static final int IN_FLIGHT = 64;

	static final int RECORDS = 100_000;

	/** A contact-sized record kept as JSON, as the services keep theirs. */
	public record Contact(String id, String email, String name, List<String> tags) {

		static Contact of(String id) {
			return new Contact(id, id.toLowerCase() + "@example.com", "Contact " + id, List.of("lead", "bench"));
		}

	}

	/** A fresh store in its own directory under {@code target/}, removed afterwards. */
	@State(Scope.Benchmark)
	public static class EmptyStore {

		Path dir;

		Store store;

		Collection<String, Contact> contacts;

		@Setup
		public void open() throws IOException {
			Path base = Files.createDirectories(Path.of(System.getProperty("hub.bench.dir", "target")));
			this.dir = Files.createTempDirectory(base.toAbsolutePath(), "store-bench-");
			// roomy enough that short runs never stop to grow the map
			this.store = Store.open(StoreOptions.at(this.dir.resolve("bench")).withInitialMapSize(512L << 20));
			this.contacts = this.store.collection("contacts", Codec.utf8(),
					Codec.json(JsonMapper.builder().build(), Contact.class));
			fill();
		}

		void fill() {
		}

		@TearDown
		public void close() throws IOException {
			this.store.close();
			try (Stream<Path> files = Files.walk(this.dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(StoreBenchmark::delete);
			}
		}

		Void putNew(WriteTxn txn) {
			String id = Ids.next();
			this.contacts.put(txn, id, Contact.of(id));
			return null;
		}

	}

	/** A store holding {@value #RECORDS} contacts, with their ids to pick from. */
	@State(Scope.Benchmark)
	public static class FilledStore extends EmptyStore {

		final String[] ids = new String[RECORDS];

		@Override
		void fill() {
			for (int i = 0; i < RECORDS; i++) {
				this.ids[i] = Ids.next();
			}
			for (int start = 0; start < RECORDS; start += 10_000) {
				int from = start;
				this.store.writeAndWait((txn) -> {
					for (int i = from; i < from + 10_000; i++) {
						this.contacts.put(txn, this.ids[i], Contact.of(this.ids[i]));
					}
					return null;
				});
			}
		}

		String randomId() {
			return this.ids[ThreadLocalRandom.current().nextInt(RECORDS)];
		}

	}

	@Benchmark
	public Optional<Contact> randomGet(FilledStore state) {
		return state.contacts.get(state.randomId());
	}

	/** A page of 50 starting at a random record, through its cursor. */
	@Benchmark
	public Page<Contact> pageOf50(FilledStore state) {
		String cursor = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(state.randomId().getBytes(StandardCharsets.UTF_8));
		return state.store.read((txn) -> state.contacts.page(txn, PageRequest.of(50, cursor)));
	}

	/** The baseline: one durable commit per record, waited for before the next. */
	@Benchmark
	public void writeOneAtATime(EmptyStore state) {
		state.store.writeAndWait(state::putNew);
	}

	/** The same writes with {@value #IN_FLIGHT} in flight, batched by the writer. */
	@Benchmark
	@OperationsPerInvocation(IN_FLIGHT)
	public void writeConcurrently(EmptyStore state) {
		Flux.range(0, IN_FLIGHT).flatMap((i) -> state.store.write(state::putNew), IN_FLIGHT).blockLast();
	}

	/**
	 * Runs the benchmarks (JMH command-line options welcome) and prints the batching
	 * gain.
	 * @param args JMH options; benchmark regexps default to this class
	 * @throws Exception if JMH cannot run
	 */
	public static void main(String[] args) throws Exception {
		CommandLineOptions cli = new CommandLineOptions(args);
		ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
		if (cli.getIncludes().isEmpty()) {
			options.include(StoreBenchmark.class.getName());
		}
		java.util.Collection<RunResult> results = new Runner(options.build()).run();
		Optional<Double> oneAtATime = score(results, "writeOneAtATime");
		Optional<Double> concurrently = score(results, "writeConcurrently");
		if (oneAtATime.isPresent() && concurrently.isPresent()) {
			System.out.printf("%nDurable writes, %d in flight vs one at a time: %.0f vs %.0f records/s = %.1fx%n",
					IN_FLIGHT, concurrently.get(), oneAtATime.get(), concurrently.get() / oneAtATime.get());
		}
	}

	private static Optional<Double> score(java.util.Collection<RunResult> results, String method) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + method))
			.map((result) -> result.getPrimaryResult().getScore())
			.findFirst();
	}

	private static void delete(Path path) {
		try {
			Files.delete(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
