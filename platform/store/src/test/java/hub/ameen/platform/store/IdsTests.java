package hub.ameen.platform.store;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void idsSortByTimeAndAreUnique() {
		String earlier = Ids.at(1_000);
		String later = Ids.at(1_001);
		assertThat(earlier).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
		assertThat(earlier.compareTo(later)).isNegative();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			seen.add(Ids.next());
		}
		assertThat(seen).hasSize(10_000);
	}

}
