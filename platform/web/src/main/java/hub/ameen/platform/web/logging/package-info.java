/**
 * How Spring's own log lines (Commons Logging) reach SLF4J and Logback.
 */
package hub.ameen.platform.web.logging;
