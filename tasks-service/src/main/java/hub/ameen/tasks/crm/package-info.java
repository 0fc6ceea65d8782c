/**
 * What tasks-service knows of CRM records, from crm-service's events: which contacts,
 * companies and deals exist, so that a task is linked only to one that does.
 */
package hub.ameen.tasks.crm;
