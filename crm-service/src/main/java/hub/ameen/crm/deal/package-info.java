/**
 * Deals on pipelines of ordered stages: money as a decimal string and an ISO 4217
 * currency, stage moves that close a deal as won or lost, and each pipeline's board.
 */
package hub.ameen.crm.deal;
