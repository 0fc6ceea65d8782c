package hub.ameen.platform.store;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeysTests {

	@Test
	void aZeroPaddedNumberIsWhatTheFormatMakes() {
		SplittableRandom random = new SplittableRandom(12);
		LongStream edges = LongStream.of(0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
				1_000_000_000_000L, -1_000_000_000_000L);
		LongStream values = LongStream.concat(edges,
				LongStream.generate(() -> random.nextLong() >> random.nextInt(64)).limit(20_000));
		values.forEach((value) -> {
			for (int digits = 1; digits <= 20; digits++) {
				assertThat(Keys.zeroPadded(value, digits)).as("%d in %d digits", value, digits)
					.isEqualTo(String.format("%0" + digits + "d", value));
			}
		});
	}

	@Test
	void aWidthOutsideALongsDigitsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Keys.zeroPadded(1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Keys.zeroPadded(1, 21));
	}

}
