/**
 * Comments on tasks, whose {@code @email} mentions, with the task's assignee and
 * watchers, are told of each new comment through {@code comment.created}.
 */
package hub.ameen.tasks.comment;
