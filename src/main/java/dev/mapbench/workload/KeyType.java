package dev.mapbench.workload;

import java.util.Locale;

/**
 * What a workload's keys are.
 *
 * <ul>
 *   <li>{@link #LONG}: boxed {@code Long}s, made once before timing (the grid's keys);</li>
 *   <li>{@link #STRING}: {@code String}s such as {@code user:0001234}, one reused instance per key, so its hash
 *       is computed once and cached in the instance;</li>
 *   <li>{@link #STRING_BUILT}: the same strings built anew for every operation from a prepared char source,
 *       as a key parsed from a request is: each lookup pays the hash and {@code equals}, and the new String's
 *       allocation (about 56 bytes).</li>
 * </ul>
 */
public enum KeyType {
    LONG, STRING, STRING_BUILT;

    /** The name a workload file uses: {@code long}, {@code string}, {@code string-built}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a label (any case, {@code -} or {@code _}); the error lists the allowed ones. */
    public static KeyType parse(String text) {
        for (KeyType type : values()) {
            if (type.label().equalsIgnoreCase(text.replace('_', '-'))) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a key type; allowed: long, string, string-built");
    }

    /** Whether the keys are strings. */
    public boolean strings() {
        return this != LONG;
    }
}
