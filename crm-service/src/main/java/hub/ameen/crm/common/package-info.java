/**
 * What every CRM feature shares: who may change a record, how lists are searched, sorted
 * and paged, and how a reference to another record is checked.
 */
package hub.ameen.crm.common;
