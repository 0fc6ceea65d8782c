/**
 * CSV import and export of contacts and companies: streamed, mapped by header name,
 * create / upsert / update, dry runs that change nothing, batches, progress events and
 * reverts that undo what an import created and updated.
 */
package hub.ameen.crm.importing;
