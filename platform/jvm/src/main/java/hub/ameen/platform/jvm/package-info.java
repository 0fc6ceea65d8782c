/**
 * What every JVM of the suite runs, a service or the local broker: the heap a burst grew
 * given back once the process is quiet again.
 */
package hub.ameen.platform.jvm;
