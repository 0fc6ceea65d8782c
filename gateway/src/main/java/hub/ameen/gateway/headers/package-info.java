/**
 * What the gateway adds to responses when no Nginx is in front: the browser security
 * headers, and CORS for the origins configured to call the API from elsewhere.
 */
package hub.ameen.gateway.headers;
