/**
 * What tasks-service knows of users, from user-service's events: who may be assigned or
 * mentioned, their emails and time zones.
 */
package hub.ameen.tasks.user;
