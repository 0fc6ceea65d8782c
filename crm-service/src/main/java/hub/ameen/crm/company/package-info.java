/**
 * Companies: the organisations contacts work at, matched on their domain, published as
 * {@code company.*} events.
 */
package hub.ameen.crm.company;
