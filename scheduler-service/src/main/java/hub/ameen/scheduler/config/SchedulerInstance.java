package hub.ameen.scheduler.config;

/**
 * This scheduler instance: its stable id ({@code hub.instance-id}, default {@code 1}) and
 * the consumer group its listeners read in. Each instance keeps its own store and reads
 * every event in a group of its own, so that every instance holds every timer: instance
 * {@code 1} keeps the group it always had ({@code scheduler-service}), instance {@code n}
 * reads as {@code scheduler-service-n}.
 *
 * @param id the instance id
 * @param consumerGroup the group of its listeners
 */
public record SchedulerInstance(String id, String consumerGroup) {

	/** The group of the instance's listeners. */
	public static SchedulerInstance of(String applicationName, String id) {
		String group = "1".equals(id) ? applicationName : applicationName + "-" + id;
		return new SchedulerInstance(id, group);
	}

}
