package dev.mapbench.maps;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The small contract every strategy under test implements: what a service does with a shared map.
 *
 * <p>{@link #forEach} is the way to visit all entries that is safe for the strategy: it holds the
 * strategy's lock, walks a snapshot, or is weakly consistent, as each class documents.
 * {@link #size} follows the strategy's own semantics; for {@link ConcurrentHashMapStrategy} it is an
 * estimate while writers run (see that class).
 */
public interface SharedMap<K, V> {

    /** The value mapped to {@code key}, or {@code null}. */
    V get(K key);

    /** Maps {@code key} to {@code value}; returns the previous value or {@code null}. */
    V put(K key, V value);

    /** Removes {@code key}; returns the previous value or {@code null}. */
    V remove(K key);

    /** The number of entries. */
    int size();

    /** Visits every entry in the way that is safe for this strategy. */
    void forEach(BiConsumer<? super K, ? super V> action);

    /**
     * Puts every entry of {@code entries}, for filling a map before timing: one {@link #put} each unless the
     * strategy can do it in one step (copy-on-write: one copy instead of one per entry, which makes filling
     * quadratic). Not part of the contract the linearizability tests check.
     */
    default void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }
}
