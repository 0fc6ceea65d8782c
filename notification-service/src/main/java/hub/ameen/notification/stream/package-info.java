/**
 * The live stream: Server-Sent Events per user, resumable from the store, fed in-process
 * after each commit, with one-time tickets for browsers.
 */
package hub.ameen.notification.stream;
