package dev.mapbench.linearizability;

import java.util.HashMap;
import java.util.Map;

/**
 * The sequential specification every strategy is held to: {@link HashMap}'s semantics, one call at a
 * time. Lincheck matches its methods to the test's operations by name and parameter types.
 */
public final class SequentialMap {

    private final Map<Long, Integer> map = new HashMap<>();

    public Integer get(long key) {
        return map.get(key);
    }

    public Integer put(long key, int value) {
        return map.put(key, value);
    }

    public Integer remove(long key) {
        return map.remove(key);
    }

    public int size() {
        return map.size();
    }

    public Integer putIfAbsent(long key, int value) {
        return map.putIfAbsent(key, value);
    }

    public Integer computeIfAbsent(long key) {
        return map.computeIfAbsent(key, SequentialMap::computed);
    }

    public Integer merge(long key, int value) {
        return map.merge(key, value, Integer::sum);
    }

    /** The value {@code computeIfAbsent} stores for a key: 10 × the key, unlike any value {@code put} stores. */
    static Integer computed(Long key) {
        return (int) (10 * key);
    }
}
