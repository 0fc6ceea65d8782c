/**
 * The clock for tasks: follows task events with a due time and fires due-soon and overdue
 * events, unless the task is done or deleted by then.
 */
package hub.ameen.scheduler.task;
