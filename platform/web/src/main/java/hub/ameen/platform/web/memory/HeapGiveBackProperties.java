package hub.ameen.platform.web.memory;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * When a process gives back the heap it grew: see
 * {@link hub.ameen.platform.jvm.HeapGiveBack}.
 *
 * @param quietPeriod how long the process must have been quiet; also how often it looks
 * (0 turns the give-back off, and the young generation's growth with it)
 * @param quietCpu the CPU the process may have used in that period and still count as
 * quiet, in cores (0.1: a tenth of one core)
 * @param minGrowth how much the committed heap must have grown since it was last given
 * back (or since start) before it is worth a collection
 * @param initialDelay how long after start it first looks: services started one after
 * another (as {@code ./hub up} does) run no collections while the next ones start
 */
@Validated
@ConfigurationProperties("hub.memory.give-back")
public record HeapGiveBackProperties(@NotNull @DefaultValue("10s") Duration quietPeriod,
		@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double quietCpu,
		@NotNull @DefaultValue("16MB") DataSize minGrowth, @NotNull @DefaultValue("60s") Duration initialDelay) {
}
