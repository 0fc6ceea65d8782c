/**
 * Tasks and their {@code task.*} events, which the scheduler's clock watches for due
 * dates.
 */
package hub.ameen.tasks.task;
