/**
 * HTTP test helpers shared by every service: the permission matrix.
 */
package hub.ameen.platform.test.web;
