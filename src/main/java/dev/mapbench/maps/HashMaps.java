package dev.mapbench.maps;

import java.util.HashMap;

/** Sizing for the {@link HashMap}s the strategies wrap, so a pre-filled map never resizes. */
final class HashMaps {

    private HashMaps() {
    }

    /** A HashMap that holds {@code expectedSize} entries under its default load factor without resizing. */
    static <K, V> HashMap<K, V> withExpectedSize(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize < 0: " + expectedSize);
        }
        return new HashMap<>((int) Math.ceil(expectedSize / 0.75d));
    }
}
