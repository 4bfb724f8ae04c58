package dev.mapbench.recorder;

/**
 * What the trace keeps of one distinct key: never its text, only its kind and size, and whether the map held
 * it when the trace started.
 *
 * @param kind what the key was
 * @param size characters of a String key; 8 for a Long, 4 for an Integer; 0 when unknown
 * @param presentAtStart whether the first operation that touched the key found it in the map
 */
public record TraceKey(Kind kind, int size, boolean presentAtStart) {

    /** The kinds of key: integral numbers, strings, anything else. */
    public enum Kind {
        /** A {@code Long}, {@code Integer}, {@code Short} or {@code Byte}. */
        NUMBER,
        /** A {@code CharSequence}, by its length. */
        STRING,
        /** Any other object (its size unknown). */
        OTHER;

        private static final Kind[] BY_CODE = values();

        /** The kind of a stored code, or null. */
        static Kind ofCode(int code) {
            return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        }
    }

    /** Checks the size. */
    public TraceKey {
        if (kind == null || size < 0) {
            throw new IllegalArgumentException("a key needs a kind and a size >= 0");
        }
    }

    /** What the trace keeps of {@code key}. */
    static TraceKey of(Object key, boolean presentAtStart) {
        if (key instanceof Long) {
            return new TraceKey(Kind.NUMBER, 8, presentAtStart);
        }
        if (key instanceof Integer) {
            return new TraceKey(Kind.NUMBER, 4, presentAtStart);
        }
        if (key instanceof Short || key instanceof Byte) {
            return new TraceKey(Kind.NUMBER, key instanceof Short ? 2 : 1, presentAtStart);
        }
        if (key instanceof CharSequence text) {
            return new TraceKey(Kind.STRING, text.length(), presentAtStart);
        }
        return new TraceKey(Kind.OTHER, 0, presentAtStart);
    }
}
