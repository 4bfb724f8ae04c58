package dev.mapbench.maps;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The small contract every strategy under test implements: what a service does with a shared map.
 *
 * <p>{@link #forEach} is the way to visit all entries that is safe for the strategy: it holds the
 * strategy's lock, walks a snapshot, or is weakly consistent, as each class documents.
 * {@link #size} follows the strategy's own semantics; for {@link ConcurrentHashMapStrategy} it is an
 * estimate while writers run (see that class).
 *
 * <p>The conditional operations ({@link #putIfAbsent}, {@link #computeIfAbsent}, {@link #merge}) are what caches
 * and counters call. Every built-in strategy implements them so that each call is atomic (linearizable, held
 * to {@code HashMap}'s sequential semantics by Lincheck); where the mapping or remapping function may run more
 * than once for one call, or in several threads for one key, {@link #caveat} says so. A map that does not
 * implement one keeps the default, which refuses it, and leaves it out of {@link #operations()}: a workload
 * that needs it is then refused before anything is measured, never silently measured with a non-atomic
 * get-then-put.
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

    /** Maps {@code key} to {@code value} unless it has a value; returns the present value, or null when it stored. */
    default V putIfAbsent(K key, V value) {
        throw unsupported(MapOperation.PUT_IF_ABSENT);
    }

    /**
     * The value of {@code key}; when it has none, stores {@code mapping.apply(key)} (unless that is null) and
     * returns it.
     */
    default V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        throw unsupported(MapOperation.COMPUTE_IF_ABSENT);
    }

    /**
     * Stores {@code value} when {@code key} has no value, else {@code remapping.apply(old, value)} (removing the key
     * when that is null); returns the new value.
     */
    default V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        throw unsupported(MapOperation.MERGE);
    }

    /** Every operation: what the built-in strategies implement. */
    static Set<MapOperation> allOperations() {
        return EnumSet.allOf(MapOperation.class);
    }

    /** The operations this map implements; the defaults are get, put (update and insert), remove and walk. */
    default Set<MapOperation> operations() {
        return EnumSet.of(MapOperation.GET, MapOperation.UPDATE, MapOperation.INSERT, MapOperation.REMOVE,
                MapOperation.WALK);
    }

    /**
     * What one of this map's operations does not promise beyond atomicity, in a sentence for the README and
     * the report (e.g. that a mapping function may run more than once); null when nothing.
     */
    default String caveat(MapOperation operation) {
        return null;
    }

    /** The error a map gives for an operation it does not implement. */
    static UnsupportedOperationException unsupported(MapOperation operation) {
        return new UnsupportedOperationException(operation.label() + " is not implemented by this map");
    }

    /**
     * Puts every entry of {@code entries}, for filling a map before timing: one {@link #put} each unless the
     * strategy can do it in one step (copy-on-write: one copy instead of one per entry, which makes filling
     * quadratic). Not part of the contract the linearizability tests check.
     */
    default void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }
}
