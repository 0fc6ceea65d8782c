/**
 * What auth-service announces about logins ending and passwords changing, so that every
 * service and the gateway refuse the access tokens issued before.
 */
package hub.ameen.auth.session;
