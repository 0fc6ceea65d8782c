/**
 * Every service's OpenAPI document gathered at the gateway, with Swagger UI at
 * {@code /api/docs}, for the teams who call the hub's APIs.
 */
package hub.ameen.gateway.docs;
