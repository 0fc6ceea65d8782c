/**
 * Files attached to deals, contacts and companies, through the platform files library:
 * readable by who can read the record, attached and removed by who can change it, and
 * deleted with it.
 */
package hub.ameen.crm.attachment;
