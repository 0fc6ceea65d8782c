package hub.ameen.platform.jvm;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Serial young generation that a load collects too often grows, once, and goes back
 * with the give-back once the process is quiet; a gentle load leaves it as it is. Each
 * case in a JVM of its own ({@link HeapBurst}), with the collector and heap bounds
 * {@code ./hub} gives every service.
 */
class YoungGenerationGrowthTests {

	private static final long MB = 1 << 20;

	@Test
	void aYoungGenerationCollectedManyTimesASecondGrowsOnceAndIsGivenBackWhenQuiet() throws Exception {
		List<String> out = HeapBurst.run("churn", 4, "-XX:-ShrinkHeapInSteps", 0);
		List<long[]> young = young(out);
		long first = young.get(0)[0];
		long largest = young.stream().mapToLong((sample) -> sample[0]).max().orElseThrow();
		assertThat(first).as("the young generation -Xms24m starts with").isLessThan(8 * MB);
		assertThat(largest).as("the young generation under the churn, from %d MB", first / MB)
			.isGreaterThanOrEqualTo(4 * first);
		assertThat(out).as("one full collection grew it, not one every look")
			.filteredOn((line) -> line.contains("Grew the young generation"))
			.hasSize(1);
		int grew = indexOfFirst(young, (sample) -> sample[0] == largest);
		double before = rate(young.subList(0, grew));
		double after = rate(young.subList(grew, indexOfLast(young, (sample) -> sample[0] == largest) + 1));
		assertThat(after).as("young collections a second once grown, against %.0f before", before)
			.isLessThan(before / 2);
		assertThat(young.get(young.size() - 1)[0])
			.as("the young generation once quiet, against %d MB grown", largest / MB)
			.isLessThanOrEqualTo(largest / 2);
		assertThat(out).anyMatch((line) -> line.contains("Gave back"));
		assertThat(out).as("the free-ratio bounds are the JVM's defaults again").contains("bounds 40 70");
	}

	@Test
	void aGentleLoadLeavesTheYoungGenerationAsItIs() throws Exception {
		List<String> out = HeapBurst.run("trickle", 3, "-XX:-ShrinkHeapInSteps", 0);
		List<long[]> young = young(out);
		assertThat(young).as("samples over 3 s").hasSizeGreaterThan(20);
		assertThat(young).as("the young generation under 20 MB a second")
			.allMatch((sample) -> sample[0] == young.get(0)[0]);
		assertThat(young.get(young.size() - 1)[1]).as("it was collected").isPositive();
		assertThat(out).noneMatch((line) -> line.contains("Grew the young generation"));
	}

	/** Young collections a second over these samples. */
	private static double rate(List<long[]> samples) {
		long[] first = samples.get(0);
		long[] last = samples.get(samples.size() - 1);
		return (last[1] - first[1]) * 1000.0 / Math.max(1, last[2] - first[2]);
	}

	private static int indexOfFirst(List<long[]> samples, Predicate<long[]> test) {
		for (int i = 0; i < samples.size(); i++) {
			if (test.test(samples.get(i))) {
				return i;
			}
		}
		throw new AssertionError("no such sample");
	}

	private static int indexOfLast(List<long[]> samples, Predicate<long[]> test) {
		for (int i = samples.size() - 1; i >= 0; i--) {
			if (test.test(samples.get(i))) {
				return i;
			}
		}
		throw new AssertionError("no such sample");
	}

	/**
	 * Each young generation printed: its committed bytes, the young collections so far,
	 * the milliseconds.
	 */
	private static List<long[]> young(List<String> out) {
		return out.stream()
			.filter((line) -> line.startsWith("young "))
			.map((line) -> line.split(" "))
			.map((words) -> new long[] { Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]) })
			.toList();
	}

}
