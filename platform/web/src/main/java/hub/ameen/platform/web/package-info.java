/**
 * Web defaults for every WebFlux service: RFC 9457 problem details for every error,
 * request ids and a request body size limit.
 */
package hub.ameen.platform.web;
