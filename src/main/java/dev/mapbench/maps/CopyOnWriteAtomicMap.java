package dev.mapbench.maps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Copy-on-write: an immutable map behind an atomic reference, replaced by compare-and-set on every write.
 *
 * <p>The published map is a {@link HashMap} that is never modified after the {@code compareAndSet}
 * that publishes it, so a reader does one volatile read and an ordinary lookup. A writer copies the
 * current map, changes the copy and publishes it with {@code compareAndSet}, retrying when another
 * writer won; no lock is taken. A write therefore costs a copy of the whole map: O(size) time and
 * allocation, which the benchmark matrix shows across map sizes.
 *
 * <p>The atomic reference is a volatile field of this object driven by a {@link VarHandle}, not a
 * separate {@link java.util.concurrent.atomic.AtomicReference}: the operations are the same (volatile
 * get, {@code compareAndSet}), but an {@code AtomicReference} field adds one dependent load to every
 * read. On a 100-entry map that hop costs 4–9 % of the read throughput, measured side by side with
 * {@link CopyOnWriteAtomicReferenceMap} (README, "AtomicReference against VarHandle"; an earlier, bimodal
 * measurement put it at up to a quarter), which would charge the pattern for a wrapper object, not for
 * copy-on-write.
 */
public final class CopyOnWriteAtomicMap<K, V> implements SharedMap<K, V> {

    private static final VarHandle SNAPSHOT;

    static {
        try {
            SNAPSHOT = MethodHandles.lookup().findVarHandle(CopyOnWriteAtomicMap.class, "snapshot", Map.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The published map; written only through {@link #publish}, never modified after publication. */
    private volatile Map<K, V> snapshot;

    public CopyOnWriteAtomicMap(int expectedSize) {
        this.snapshot = HashMaps.withExpectedSize(expectedSize);
    }

    @Override
    public V get(K key) {
        return snapshot.get(key);
    }

    @Override
    public V put(K key, V value) {
        while (true) {
            Map<K, V> before = snapshot;
            Map<K, V> after = new HashMap<>(before);
            V previous = after.put(key, value);
            if (publish(before, after)) {
                return previous;
            }
        }
    }

    @Override
    public V remove(K key) {
        while (true) {
            Map<K, V> before = snapshot;
            if (!before.containsKey(key)) {
                return null; // nothing to publish: the snapshot we read already lacks the key
            }
            Map<K, V> after = new HashMap<>(before);
            V previous = after.remove(key);
            if (publish(before, after)) {
                return previous;
            }
        }
    }

    /** One copy with every entry added, published at once (filling by {@link #put} would copy once per entry). */
    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        while (true) {
            Map<K, V> before = snapshot;
            Map<K, V> after = HashMaps.withExpectedSize(before.size() + entries.size());
            after.putAll(before);
            after.putAll(entries);
            if (publish(before, after)) {
                return;
            }
        }
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    /** Walks one consistent snapshot; writes that happen meanwhile are not seen. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot.forEach(action);
    }

    /** Publishes {@code after} if the snapshot is still {@code before}; false when another writer won. */
    private boolean publish(Map<K, V> before, Map<K, V> after) {
        return SNAPSHOT.compareAndSet(this, before, after);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Objects.requireNonNull(value, "value");
        while (true) {
            Map<K, V> before = snapshot;
            V present = before.get(key);
            if (present != null) {
                return present;
            }
            if (publish(before, copyWith(before, key, value))) {
                return null;
            }
        }
    }

    /** A hit is one volatile read; a miss computes the value once per call and publishes it by compareAndSet. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V computed = null;
        while (true) {
            Map<K, V> before = snapshot;
            V present = before.get(key);
            if (present != null) {
                return present;
            }
            if (computed == null) {
                computed = mapping.apply(key);
                if (computed == null) {
                    return null;
                }
            }
            V value = computed;
            if (publish(before, copyWith(before, key, value))) {
                return computed;
            }
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        Objects.requireNonNull(value, "value");
        while (true) {
            Map<K, V> before = snapshot;
            V old = before.get(key);
            V next = old == null ? value : remapping.apply(old, value);
            if (publish(before, copyWith(before, key, next))) {
                return next;
            }
        }
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }

    @Override
    public String caveat(MapOperation operation) {
        return CopyOnWriteCaveats.of(operation);
    }

    /** A copy of {@code before} with {@code key} mapped to {@code value}, or removed when {@code value} is null. */
    private static <K, V> Map<K, V> copyWith(Map<K, V> before, K key, V value) {
        Map<K, V> after = new HashMap<>(before);
        if (value == null) {
            after.remove(key);
        } else {
            after.put(key, value);
        }
        return after;
    }

}
