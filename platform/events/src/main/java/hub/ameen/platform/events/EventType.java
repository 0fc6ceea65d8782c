package hub.ameen.platform.events;

import java.util.Objects;

/**
 * One kind of event, declared once as a constant next to its payload record in the
 * producing service, so that a search for its name finds the producer:
 *
 * <pre>{@code
 * public static final EventType<Task> CREATED = EventType.named("task.created").on(Topics.TASK);
 * }</pre>
 *
 * @param <P> the payload the producer sends
 * @param name what happened, {@code <aggregate>.<past-tense verb>}
 * @param version the version of the payload's shape, from 1
 * @param topic the topic it travels on, one of {@link Topics}
 */
public record EventType<P>(String name, int version, String topic) {

	public EventType {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(topic, "topic must not be null");
		if (version < 1) {
			throw new IllegalArgumentException("version must be at least 1");
		}
	}

	/**
	 * Starts declaring an event type; finish it with {@link Named#on(String)}.
	 * @param name what happened, e.g. {@code task.created}
	 * @return the half-declared type, version 1
	 */
	public static Named named(String name) {
		return new Named(name, 1);
	}

	/**
	 * This kind of event about one aggregate, to publish with
	 * {@link Outbox#publish(hub.ameen.platform.store.WriteTxn, Announcement)}.
	 * @param key the aggregate id, also the record key
	 * @param payload what the event carries
	 * @return the announcement, by no one and with a fresh id until told otherwise
	 */
	public Announcement<P> about(String key, P payload) {
		return new Announcement<>(this, key, payload, null, null, null);
	}

	/**
	 * An event type that has a name and a version but no topic yet.
	 *
	 * @param name what happened
	 * @param version the payload's version
	 */
	public record Named(String name, int version) {

		/** The same type at another payload version. */
		public Named version(int version) {
			return new Named(this.name, version);
		}

		/** The type, travelling on the topic. */
		public <P> EventType<P> on(String topic) {
			return new EventType<>(this.name, this.version, topic);
		}

	}

}
