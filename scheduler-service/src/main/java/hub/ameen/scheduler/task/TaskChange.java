package hub.ameen.scheduler.task;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of {@code task.created}, {@code task.updated} and {@code task.deleted} on
 * {@code hub.tasks.task.v1}, as the scheduler reads it (other fields are ignored).
 *
 * @param id the task's id
 * @param title its title
 * @param assigneeId who it is assigned to, or null
 * @param dueAt its due time, or null
 * @param status {@code todo}, {@code in_progress} or {@code done}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TaskChange(String id, String title, String assigneeId, Instant dueAt, String status) {
}
