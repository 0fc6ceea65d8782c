package hub.ameen.scheduler.clock;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/scheduler/service} answers.
 *
 * @param running whether the clock thread runs
 * @param now the clock's time
 * @param lastTick when the clock last looked for due timers, or null before it did
 * @param nextDueAt the earliest timer's due time of the partitions this instance fires,
 * or null without timers
 * @param backlog timers of those partitions due now and not yet fired (at most
 * {@value TimerClock#BACKLOG_CAP})
 * @param pending all timers in the index
 * @param fired timers fired since the store was created
 * @param late of those, fired late
 * @param skipped timers advanced without firing, beyond the catch-up window
 * @param instanceId this scheduler instance's id ({@code hub.instance-id})
 * @param partitions the timer partitions this instance fires (its lease), or null when it
 * fires them all without a lease
 */
public record ClockStatus(boolean running, Instant now, Instant lastTick, Instant nextDueAt, long backlog, long pending,
		long fired, long late, long skipped, String instanceId, List<Integer> partitions) {
}
