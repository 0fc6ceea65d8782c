/**
 * The clock of each user's daily task digest: tasks-service says when it goes out, the
 * scheduler fires it once a day in the user's zone.
 */
package hub.ameen.scheduler.digest;
