package dev.mapbench.maps;

import java.util.Locale;

/**
 * The operations a workload is made of, each a real call on the strategy under test ({@link SharedMap}).
 * {@link SharedMap#operations()} says which a strategy implements; a workload that needs one a selected
 * strategy lacks is refused before anything is measured.
 */
public enum MapOperation {
    /** {@code get(k)}. */
    GET,
    /** {@code put(k, v)} over a key that is present: an update. */
    UPDATE,
    /** {@code put(k, v)} of a key that is absent: the map grows. */
    INSERT,
    /** {@code remove(k)}. */
    REMOVE,
    /** {@code putIfAbsent(k, v)}. */
    PUT_IF_ABSENT,
    /** {@code computeIfAbsent(k, f)}: a hit returns the present value, a miss stores {@code f(k)}. */
    COMPUTE_IF_ABSENT,
    /** {@code merge(k, 1L, Long::sum)}: a counter increment. */
    MERGE,
    /** A walk of every entry ({@code forEach}), YCSB E's scan on a map that has no order. */
    WALK;

    /** The name a workload file uses: {@code get}, {@code update}, {@code putIfAbsent}, {@code computeIfAbsent} ... */
    public String label() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder label = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            label.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return label.toString();
    }

    /** The operation a workload file names ({@link #label()}, any case), or an error listing the allowed names. */
    public static MapOperation parse(String label) {
        for (MapOperation operation : values()) {
            if (operation.label().equalsIgnoreCase(label)) {
                return operation;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (MapOperation operation : values()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(operation.label());
        }
        throw new IllegalArgumentException("'" + label + "' is not an operation; allowed: " + allowed);
    }
}
