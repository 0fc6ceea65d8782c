/**
 * Files attached to tasks, through the platform files library: read by anyone who can
 * read tasks, attached and removed by who can change the task, and deleted with it.
 */
package hub.ameen.tasks.attachment;
