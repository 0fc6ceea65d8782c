package hub.ameen.crm.deal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A sales pipeline: its stages in order, the payload of its events on
 * {@link Topics#PIPELINE}. The stages {@code won} and {@code lost} close a deal.
 *
 * @param id opaque id; the first start's pipeline is {@code default}
 * @param name its name
 * @param stages in board order
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Pipeline(String id, String name, List<Stage> stages, Instant createdAt, Instant updatedAt) {

	public static final EventType<Pipeline> CREATED = EventType.named("pipeline.created").on(Topics.PIPELINE);

	public static final EventType<Pipeline> UPDATED = EventType.named("pipeline.updated").on(Topics.PIPELINE);

	public static final EventType<Pipeline> DELETED = EventType.named("pipeline.deleted").on(Topics.PIPELINE);

	/** The id of the pipeline made on the first start. */
	public static final String DEFAULT_ID = "default";

	public Pipeline {
		stages = List.copyOf(stages);
	}

	/** The stage with that key, if the pipeline has it. */
	public Optional<Stage> stage(String key) {
		return this.stages.stream().filter((stage) -> stage.key().equals(key)).findFirst();
	}

	/** The stage a new deal starts in when it names none. */
	public Stage first() {
		return this.stages.get(0);
	}

	/**
	 * One step of a pipeline.
	 *
	 * @param key stable key, e.g. {@code qualified}
	 * @param name as shown
	 * @param probability percent chance of winning from here, 0 to 100
	 */
	public record Stage(String key, String name, int probability) {
	}

}
