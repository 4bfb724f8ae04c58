package dev.mapbench.trace;

/**
 * One operation of a trace: its events and their share of all events.
 *
 * @param operation the operation's label ({@code get}, {@code put}, …)
 * @param count its events
 * @param share its share of all events, 0..1
 */
public record OperationShare(String operation, long count, double share) {
}
