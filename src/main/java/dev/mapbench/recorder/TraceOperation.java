package dev.mapbench.recorder;

/**
 * The map calls a trace records, each with the one-byte code the file stores. A reader refuses any other code.
 * {@code put} stands for every unconditional write ({@code put}, {@code replace}); whether it found the key
 * present is the event's hit flag.
 */
public enum TraceOperation {
    /** {@code get}, {@code getOrDefault}, {@code containsKey}. */
    GET(0, "get"),
    /** {@code put}, {@code replace}. */
    PUT(1, "put"),
    /** {@code remove}. */
    REMOVE(2, "remove"),
    /** {@code putIfAbsent}. */
    PUT_IF_ABSENT(3, "putIfAbsent"),
    /** {@code computeIfAbsent}. */
    COMPUTE_IF_ABSENT(4, "computeIfAbsent"),
    /** {@code merge} (a counter's increment, a memcached incr/decr). */
    MERGE(5, "merge");

    private static final TraceOperation[] BY_CODE = values();

    private final int code;
    private final String label;

    TraceOperation(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code the file stores (0..15). */
    public int code() {
        return code;
    }

    /** The name people read, as the workload files spell operations: {@code get}, {@code putIfAbsent}. */
    public String label() {
        return label;
    }

    /** The operation of a code, or null when no operation has it. */
    public static TraceOperation ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
