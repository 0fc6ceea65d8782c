/**
 * Merging a duplicate contact into another: its deals and activities follow, it is
 * deleted, and the kept contact's timeline gets one entry.
 */
package hub.ameen.crm.merge;
