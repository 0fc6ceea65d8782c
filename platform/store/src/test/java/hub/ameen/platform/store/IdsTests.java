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

	@Test
	void groupedIdsShareTheirGroupsHalfAndAreVersion8Uuids() {
		String first = Ids.grouped("notification|event-1|reminder", "user-1");
		String second = Ids.grouped("notification|event-1|reminder", "user-2");
		String otherGroup = Ids.grouped("notification|event-2|reminder", "user-1");
		assertThat(first).isEqualTo(Ids.grouped("notification|event-1|reminder", "user-1"));
		assertThat(first.substring(0, 19)).isEqualTo(second.substring(0, 19));
		assertThat(first.substring(19)).isNotEqualTo(second.substring(19));
		assertThat(first.substring(0, 19)).isNotEqualTo(otherGroup.substring(0, 19));
		assertThat(first.substring(19)).isEqualTo(otherGroup.substring(19));
		for (String id : new String[] { first, second, otherGroup }) {
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.toString()).isEqualTo(id);
			assertThat(uuid.version()).isEqualTo(8);
			assertThat(uuid.variant()).isEqualTo(2);
		}
		byte[] groupHash = md5("notification|event-1|reminder");
		byte[] memberHash = md5("user-2");
		UUID uuid = UUID.fromString(second);
		assertThat(uuid.getMostSignificantBits() & ~0xF000L).isEqualTo(firstLong(groupHash) & ~0xF000L);
		assertThat(uuid.getLeastSignificantBits() << 2).isEqualTo(firstLong(memberHash) << 2);
	}

	@Test
	void groupedIdsOfManyMembersAreDistinct() {
		Set<String> seen = new HashSet<>();
		for (int group = 0; group < 20; group++) {
			for (int member = 0; member < 5_000; member++) {
				seen.add(Ids.grouped("group-" + group,
						UUID.nameUUIDFromBytes(new byte[] { (byte) member, (byte) (member >>> 8) }).toString()));
			}
		}
		assertThat(seen).hasSize(100_000);
	}

	private static byte[] md5(String text) {
		try {
			return java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long firstLong(byte[] hash) {
		return java.nio.ByteBuffer.wrap(hash).getLong();
	}

}
