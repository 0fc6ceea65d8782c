/**
 * The clock: a durable index of timers ordered by due time, and one thread that fires
 * each due timer exactly once, in the same store transaction that removes it.
 */
package hub.ameen.scheduler.clock;
