package dev.mapbench.footprint;

import java.util.Arrays;
import org.openjdk.jol.info.GraphLayout;

/**
 * The keys and values a footprint measurement puts into a map: distinct {@link Long} objects.
 *
 * <p>Every key and every value is its own object, outside the {@code Long.valueOf} cache
 * (-128..127), so no box is shared between entries, between a key and a value, or with the rest of
 * the JVM; a shared box would be counted in the map's graph yet not be the map's to free.
 */
final class EntryObjects {

    /** The first key; far from the cached range and from every value. */
    static final long FIRST_KEY = 1_000_000L;

    private final Long[] keys;
    private final Long[] values;

    private EntryObjects(Long[] keys, Long[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** {@code count} distinct keys {@code FIRST_KEY + i}, each with the distinct value {@code -(FIRST_KEY + i)}. */
    static EntryObjects distinct(int count) {
        Long[] keys = new Long[count];
        Long[] values = new Long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = Long.valueOf(FIRST_KEY + i);
            values[i] = Long.valueOf(-(FIRST_KEY + i));
        }
        return new EntryObjects(keys, values);
    }

    int count() {
        return keys.length;
    }

    Long key(int index) {
        return keys[index];
    }

    Long value(int index) {
        return values[index];
    }

    /**
     * The own bytes of all keys and values together: JOL walks them as roots and counts each
     * distinct object once, so this stays right even if a JVM did share boxes.
     */
    long payloadBytes() {
        Object[] roots = Arrays.copyOf(keys, keys.length * 2, Object[].class);
        System.arraycopy(values, 0, roots, keys.length, values.length);
        return GraphLayout.parseInstance(roots).totalSize();
    }
}
