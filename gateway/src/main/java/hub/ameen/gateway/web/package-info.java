/**
 * The web app's files at {@code /}: long-cached hashed assets, an uncached
 * {@code index.html}, and the app's own routes answered with it.
 */
package hub.ameen.gateway.web;
