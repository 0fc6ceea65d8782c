/**
 * Expands RFC 5545 recurrence rules with EXDATEs into occurrences, in the event's own
 * time zone, and splits a series for "this and following" edits.
 */
package hub.ameen.scheduler.recurrence;
