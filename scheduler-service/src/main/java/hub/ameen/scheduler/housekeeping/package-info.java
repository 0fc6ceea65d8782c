/**
 * The per-minute sweep (complete past events, create missing timers) and the hourly
 * cleanup of old completed events and closed tasks.
 */
package hub.ameen.scheduler.housekeeping;
