package hub.ameen.tasks.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RanksTests {

	@Test
	void aRankBetweenTwoSortsBetweenThem() {
		assertThat(Ranks.between("A", "B")).isGreaterThan("A").isLessThan("B");
		assertThat(Ranks.between(null, "1")).isLessThan("1").isNotEmpty();
		assertThat(Ranks.between("z", null)).isGreaterThan("z");
		assertThat(Ranks.between("01JD6XV", "01JD6Y")).isGreaterThan("01JD6XV").isLessThan("01JD6Y");
	}

	@Test
	void insertingAgainAndAgainAtOneSpotAlwaysFindsRoom() {
		Random random = new Random(7);
		List<String> column = new ArrayList<>(List.of(Ranks.initial("01JD6X"), Ranks.initial("01JD6Y")));
		for (int i = 0; i < 2_000; i++) {
			int at = (i % 3 == 0) ? 1 : random.nextInt(column.size() + 1);
			String before = (at > 0) ? column.get(at - 1) : null;
			String after = (at < column.size()) ? column.get(at) : null;
			String rank = Ranks.between(before, after);
			if (before != null) {
				assertThat(rank).isGreaterThan(before);
			}
			if (after != null) {
				assertThat(rank).isLessThan(after);
			}
			assertThat(rank).doesNotEndWith("0");
			column.add(at, rank);
		}
		assertThat(column).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void noRankLiesBetweenARankAndItself() {
		assertThatThrownBy(() -> Ranks.between("B", "B")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ranks.between("C", "B")).isInstanceOf(IllegalArgumentException.class);
	}

}
