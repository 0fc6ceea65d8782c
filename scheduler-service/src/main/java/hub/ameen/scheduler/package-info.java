/**
 * The scheduler service: calendar events, their recurrence and reminders, and the durable
 * clock that fires due timers as events.
 */
package hub.ameen.scheduler;
