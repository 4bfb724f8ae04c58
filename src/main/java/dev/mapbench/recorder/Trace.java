package dev.mapbench.recorder;

import java.util.List;

/**
 * A recorded trace in memory: what the file holds ({@link TraceFile}), read back or about to be written.
 *
 * <p>Each thread's events are in the order that thread made them, one {@code long} per event ({@link #event}):
 * the key's id (an index into {@link #keys}), the operation, whether the call found the key present (a hit),
 * and the value's size when it was known. Threads are numbered by their first recorded call; the trace has no
 * order between threads.
 *
 * @param recorderVersion the version of the recorder or importer that wrote it
 * @param source where the events came from: {@code recorder}, or an importer's format such as {@code twitter}
 * @param truncated whether recording stopped at its bound before the service stopped calling the map
 * @param startEpochMillis when recording started (the first event of an imported trace), milliseconds since 1970
 * @param durationMicros how long recording ran (the span of an imported trace's timestamps)
 * @param keys every distinct key, by id
 * @param threads each thread's events, packed by {@link #event}
 */
public record Trace(String recorderVersion, String source, boolean truncated, long startEpochMillis,
        long durationMicros, List<TraceKey> keys, List<long[]> threads) {

    /** The largest value size an event stores; larger sizes are stored as this. */
    public static final int MAX_VALUE_SIZE = (1 << 27) - 2;

    /** Copies the lists (not the event arrays). */
    public Trace {
        keys = List.copyOf(keys);
        threads = List.copyOf(threads);
    }

    /** One event: {@code valueSize} -1 when unknown. */
    public static long event(TraceOperation operation, int keyId, boolean hit, int valueSize) {
        long size = valueSize < 0 ? 0 : Math.min(valueSize, MAX_VALUE_SIZE) + 1L;
        return (keyId & 0xFFFF_FFFFL) | ((long) operation.code() << 32) | (hit ? 1L << 36 : 0) | (size << 37);
    }

    /** The event's operation. */
    public static TraceOperation operation(long event) {
        return TraceOperation.ofCode((int) (event >>> 32) & 0xF);
    }

    /** The event's operation code. */
    public static int operationCode(long event) {
        return (int) (event >>> 32) & 0xF;
    }

    /** The event's key id. */
    public static int key(long event) {
        return (int) event;
    }

    /** Whether the call found its key present. */
    public static boolean hit(long event) {
        return (event & (1L << 36)) != 0;
    }

    /** The value's size in bytes (characters for a String), or -1 when unknown. */
    public static int valueSize(long event) {
        return (int) (event >>> 37) - 1;
    }

    /** Events over all threads. */
    public long events() {
        long events = 0;
        for (long[] thread : threads) {
            events += thread.length;
        }
        return events;
    }

    /** Events per operation, indexed by {@link TraceOperation#code()}. */
    public long[] operationCounts() {
        long[] counts = new long[TraceOperation.values().length];
        for (long[] thread : threads) {
            for (long event : thread) {
                counts[operationCode(event)]++;
            }
        }
        return counts;
    }
}
