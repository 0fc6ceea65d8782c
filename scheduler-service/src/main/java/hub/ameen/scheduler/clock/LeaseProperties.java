package hub.ameen.scheduler.clock;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the clock's lease, under {@code hub.scheduler.lease}: which instance fires
 * which timer partitions when several run (see {@link ClockLease}).
 *
 * @param enabled whether the instance takes part in the lease; off, it fires every timer
 * (one instance only)
 * @param group the consumer group every instance joins on the lease topic
 * @param sessionTimeout how long after an instance dies its partitions move to another
 * @param catchUpTimeout the longest a newly held partition waits for this instance to
 * read the scheduler's topics up to where they ended when it got the partition
 * @param drainTimeout the longest a partition given up waits for this instance's outbox
 * to reach Kafka
 */
@Validated
@ConfigurationProperties("hub.scheduler.lease")
public record LeaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("scheduler-clock") @NotBlank String group, @DefaultValue("10s") @NotNull Duration sessionTimeout,
		@DefaultValue("30s") @NotNull Duration catchUpTimeout, @DefaultValue("10s") @NotNull Duration drainTimeout) {

}
