package hub.ameen.scheduler.clock;

import java.time.Instant;

/**
 * How a timer fires.
 *
 * @param firedAt the clock's time when it fired
 * @param late whether it fired later than the late threshold after its due time
 * @param skipped whether it was so late (beyond the catch-up window) that it is only
 * advanced, without announcing anything
 */
public record Firing(Instant firedAt, boolean late, boolean skipped) {
}
