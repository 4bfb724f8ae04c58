package dev.mapbench.workload;

import java.util.Locale;

/**
 * What a grid workload's writes are. {@link #REMOVE_INSERT}: a write is a {@code remove(k)}, and the next write
 * of that thread puts {@code k} back, so the map stays at its size (half removes, half inserts: the grid's
 * writes before this parameter, which Caffeine's {@code PutRemoveBenchmark} documents as unrealistic for
 * comparing maps). {@link #UPDATE}: a write is a {@code put(k, k)} over a present key, which is what services
 * mostly do; the main job's grid uses it.
 */
public enum GridWrites {
    REMOVE_INSERT, UPDATE;

    /** The name a property uses: {@code remove-insert}, {@code update}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code update} or {@code remove-insert} (any case, {@code _} or {@code -}). */
    public static GridWrites parse(String text) {
        for (GridWrites writes : values()) {
            if (writes.label().equalsIgnoreCase(text.trim().replace('_', '-'))) {
                return writes;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not update or remove-insert");
    }
}
