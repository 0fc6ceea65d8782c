/**
 * Calendar events: their HTTP API, storage, edits of one occurrence or a whole series,
 * the timers of their reminders, starts and ends, and the events they publish.
 */
package hub.ameen.scheduler.calendar;
