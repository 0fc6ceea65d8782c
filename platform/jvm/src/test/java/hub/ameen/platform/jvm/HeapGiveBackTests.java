package hub.ameen.platform.jvm;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap a burst grew is given back once the process is quiet, and kept while it is
 * busy: each case in a JVM of its own ({@link HeapBurst}), with the collector and heap
 * bounds {@code ./hub} gives every service.
 */
class HeapGiveBackTests {

	private static final long MB = 1 << 20;

	@Test
	void aQuietProcessGivesBackTheHeapItsBurstGrewInOneCollectionAndKeepsItsBounds() throws Exception {
		List<String> out = runBurst("quiet", 6, "-XX:-ShrinkHeapInSteps", 0);
		assertGaveBack(out);
		assertThat(out).as("with -XX:-ShrinkHeapInSteps, as ./hub runs every JVM")
			.anyMatch((line) -> line.contains("(1 full collection, "));
		assertThat(out).as("the free-ratio bounds are the JVM's defaults again").contains("bounds 40 70");
	}

	@Test
	void aQuietProcessGivesBackTheHeapAlsoWhenTheJvmShrinksItInSteps() throws Exception {
		assertGaveBack(runBurst("quiet", 6, "-XX:+ShrinkHeapInSteps", 0));
	}

	@Test
	void aProcessGivesNothingBackBeforeItsInitialDelay() throws Exception {
		List<String> out = runBurst("quiet", 8, "-XX:-ShrinkHeapInSteps", 3000);
		assertGaveBack(out);
		long peak = peak(out);
		List<long[]> early = samples(out).stream().filter((sample) -> sample[1] < 2900).toList();
		assertThat(early).as("the committed heap in the 3 s after start, against a peak of %d MB", peak / MB)
			.hasSizeGreaterThan(5)
			.allMatch((sample) -> sample[0] >= peak * 9 / 10);
	}

	private static void assertGaveBack(List<String> out) {
		long peak = peak(out);
		List<Long> committed = committed(out);
		assertThat(peak).as("the burst grew the heap").isGreaterThan(150 * MB);
		assertThat(committed.get(committed.size() - 1))
			.as("the committed heap once quiet, against a peak of %d MB", peak / MB)
			.isLessThan(peak / 3);
		assertThat(out).as("a line says what was given back").anyMatch((line) -> line.contains("Gave back"));
	}

	@Test
	void aBusyProcessKeepsItsHeap() throws Exception {
		List<String> out = runBurst("busy", 3, "-XX:-ShrinkHeapInSteps", 0);
		long peak = peak(out);
		assertThat(committed(out)).as("the committed heap while one core is busy, against a peak of %d MB", peak / MB)
			.hasSizeGreaterThan(5)
			.allMatch((bytes) -> bytes >= peak * 9 / 10);
		assertThat(out).noneMatch((line) -> line.contains("Gave back"));
	}

	/**
	 * A load that begins late in a quiet period: the period is quiet on average (a
	 * twentieth of a core over its 8 s), but the process is busy when the give-back
	 * looks, and a full collection then would stop the work that just came.
	 */
	@Test
	void aProcessBusyAgainWhenTheGiveBackLooksKeepsItsHeap() throws Exception {
		List<String> out = HeapBurst.run("resume", 2, "-XX:-ShrinkHeapInSteps", 9000, 8000);
		long peak = peak(out);
		assertThat(out).anyMatch((line) -> line.startsWith("busy from "));
		assertThat(committed(out)).as("the committed heap once busy again, against a peak of %d MB", peak / MB)
			.hasSizeGreaterThan(5)
			.allMatch((bytes) -> bytes >= peak * 9 / 10);
		assertThat(out).noneMatch((line) -> line.contains("Gave back"));
	}

	private static List<String> runBurst(String mode, int seconds, String shrinkInSteps, long initialDelayMillis)
			throws Exception {
		return HeapBurst.run(mode, seconds, shrinkInSteps, initialDelayMillis);
	}

	private static long peak(List<String> out) {
		return out.stream()
			.filter((line) -> line.startsWith("peak "))
			.mapToLong((line) -> Long.parseLong(line.split(" ")[1]))
			.findFirst()
			.orElseThrow();
	}

	private static List<Long> committed(List<String> out) {
		return samples(out).stream().map((sample) -> sample[0]).toList();
	}

	/** Each committed heap printed, with the milliseconds since the give-back started. */
	private static List<long[]> samples(List<String> out) {
		return out.stream()
			.filter((line) -> line.startsWith("committed "))
			.map((line) -> line.split(" "))
			.map((words) -> new long[] { Long.parseLong(words[1]), Long.parseLong(words[2]) })
			.toList();
	}

}
