package hub.ameen.platform.web;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that serves a lasting response is not asked to read meanwhile, and is
 * again once that response has ended, unless it is closed by then.
 */
class ReadRearmingTests {

	@Test
	void aPausedConnectionIsNotAskedToReadUntilItIsResumed() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ReadRearmingCustomizer.rearm(channel);
		assertThat(ReadRearmingCustomizer.rearming(channel)).isTrue();

		Runnable resume = ReadRearmingCustomizer.pause(channel);
		assertThat(ReadRearmingCustomizer.rearming(channel)).isFalse();

		resume.run();
		channel.runPendingTasks();
		assertThat(ReadRearmingCustomizer.rearming(channel)).isTrue();
		channel.finishAndReleaseAll();
	}

	@Test
	void aConnectionClosedWhilePausedIsNotAskedToReadAgain() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ReadRearmingCustomizer.rearm(channel);
		Runnable resume = ReadRearmingCustomizer.pause(channel);

		channel.close();
		resume.run();
		channel.runPendingTasks();
		assertThat(ReadRearmingCustomizer.rearming(channel)).isFalse();
	}

	@Test
	void resumingAConnectionThatWasNotAskedToReadLeavesItSo() {
		// an HTTP/2 stream's channel, which the customizer never saw
		EmbeddedChannel channel = new EmbeddedChannel();
		Runnable resume = ReadRearmingCustomizer.pause(channel);
		resume.run();
		channel.runPendingTasks();
		assertThat(ReadRearmingCustomizer.rearming(channel)).isFalse();
		channel.finishAndReleaseAll();
	}

}
