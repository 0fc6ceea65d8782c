package hub.ameen.e2e.bench;

import java.util.Map;

/**
 * The load driver's table: one row per scenario, then gateway/direct ratios.
 */
final class Report {

	private Report() {
	}

	static void print(Map<LoadDriver.Scenario, LoadDriver.Tally> tallies) {
		System.out.printf("%n%-22s %9s %8s %10s %9s %9s%n", "scenario", "requests", "errors", "req/s", "p50 ms",
				"p99 ms");
		tallies.forEach((scenario, tally) -> System.out.printf("%-22s %9d %8d %10.0f %9.2f %9.2f%s%n",
				scenario.name() + " " + scenario.via() + " :" + scenario.port(), tally.count, errors(tally),
				tally.perSecond(), tally.percentileMillis(0.50), tally.percentileMillis(0.99),
				tally.failures.isEmpty() ? "" : "  failures by status " + tally.failures));
		System.out.printf("%nratio gateway/direct   %10s %9s %9s%n", "req/s", "p50", "p99");
		for (String name : new String[] { "list", "create" }) {
			LoadDriver.Tally direct = find(tallies, name, "direct");
			LoadDriver.Tally gateway = find(tallies, name, "gateway");
			System.out.printf("%-22s %9.2fx %8.2fx %8.2fx%n", name, gateway.perSecond() / direct.perSecond(),
					gateway.percentileMillis(0.50) / direct.percentileMillis(0.50),
					gateway.percentileMillis(0.99) / direct.percentileMillis(0.99));
		}
	}

	private static int errors(LoadDriver.Tally tally) {
		return tally.failures.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static LoadDriver.Tally find(Map<LoadDriver.Scenario, LoadDriver.Tally> tallies, String name, String via) {
		return tallies.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().name().equals(name) && entry.getKey().via().equals(via))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

}
