/**
 * crm-service: contacts, companies, deals and pipeline stages, activities and notes.
 */
package hub.ameen.crm;
