/**
 * Contacts: the people a business works with, published as {@code contact.*} events.
 */
package hub.ameen.crm.contact;
