package hub.ameen.platform.web.memory;

import hub.ameen.platform.jvm.HeapGiveBack;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the service's {@link HeapGiveBack} once its context is refreshed and stops it
 * when the context closes.
 */
public final class HeapGiveBackLifecycle implements SmartLifecycle {

	private final HeapGiveBack giveBack;

	private volatile boolean running;

	public HeapGiveBackLifecycle(HeapGiveBackProperties properties) {
		this.giveBack = new HeapGiveBack(properties.quietPeriod(), properties.quietCpu(),
				properties.minGrowth().toBytes(), properties.initialDelay());
	}

	@Override
	public void start() {
		this.giveBack.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.giveBack.close();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Whether this service's give-back is the one that looks (at most one a JVM). */
	public boolean isLooking() {
		return this.giveBack.isLooking();
	}

}
