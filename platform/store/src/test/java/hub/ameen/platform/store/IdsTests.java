package hub.ameen.platform.store;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

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

	@Test
	void aNamedIdIsTheNameBasedUuidOfTheNamesBytes() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder name = new StringBuilder();
			int length = random.nextInt(300);
			for (int c = 0; c < length; c++) {
				name.appendCodePoint(
						random.nextInt(4) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt(0x20, 0x7f));
			}
			String text = name.toString();
			assertThat(Ids.named(text)).as(text)
				.isEqualTo(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString());
		}
	}

}
