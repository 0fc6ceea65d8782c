/**
 * Activities (notes, calls, emails, meetings) and each record's timeline, which also
 * holds what the system did: created, stage changed, merged, imported.
 */
package hub.ameen.crm.activity;
