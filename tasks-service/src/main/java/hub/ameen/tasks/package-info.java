/**
 * tasks-service: tasks, assignees, status, priority, due dates, labels and comments.
 */
package hub.ameen.tasks;
