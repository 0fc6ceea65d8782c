/**
 * Every service gives back the heap a burst grew once it is quiet again
 * ({@code platform-jvm}'s {@code HeapGiveBack}), with its settings.
 */
package hub.ameen.platform.web.memory;
