package hub.ameen.platform.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic in the catalog follows {@code hub.<domain>.<stream>.v<N>}, or
 * {@code hub.<domain>.<stream>.changelog} for the changelog of a stream that has a topic,
 * and is named once.
 */
class TopicsCatalogTests {

	@Test
	void everyCataloguedTopicIsWellFormedAndDistinct() throws IllegalAccessException {
		List<String> topics = catalogue();
		assertThat(topics).hasSize(32).doesNotHaveDuplicates();
		for (String topic : topics) {
			String[] parts = topic.split("\\.");
			assertThat(parts).hasSize(4);
			if (parts[3].equals("changelog")) {
				assertThat(topic).isEqualTo(Topics.changelog(parts[1], parts[2]));
				assertThat(topics).as("the stream of " + topic).contains(Topics.name(parts[1], parts[2], 1));
			}
			else {
				assertThat(topic).isEqualTo(Topics.name(parts[1], parts[2], Integer.parseInt(parts[3].substring(1))));
			}
		}
	}

	private static List<String> catalogue() throws IllegalAccessException {
		List<Field> fields = Arrays.stream(Topics.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.filter((field) -> !field.getName().equals("DEAD_LETTER_SUFFIX"))
			.toList();
		String[] values = new String[fields.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = (String) fields.get(i).get(null);
		}
		return List.of(values);
	}

}
