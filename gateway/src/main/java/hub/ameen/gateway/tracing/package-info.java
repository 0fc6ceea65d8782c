/**
 * A proxied call's place in its trace: a client span of its own when the trace is
 * sampled, and only the trace's header otherwise.
 */
package hub.ameen.gateway.tracing;
