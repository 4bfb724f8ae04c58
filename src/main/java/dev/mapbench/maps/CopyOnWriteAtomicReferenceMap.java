package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Copy-on-write as teams usually write it: an immutable {@link HashMap} snapshot in an
 * {@link AtomicReference} field, replaced by {@code compareAndSet} on every write.
 *
 * <p>The algorithm is {@link CopyOnWriteAtomicMap}'s, line for line (copy, change, CAS, retry when another
 * writer won; a remove of an absent key publishes nothing); the only difference is where the reference
 * lives. Here it is a separate {@code AtomicReference} object, so every read loads that object before the
 * snapshot: map object → {@code AtomicReference} → snapshot → table. Measuring both side by side shows what
 * that hop costs, which the VarHandle version was written to avoid (README, "Copy-on-write: why a VarHandle").
 */
public final class CopyOnWriteAtomicReferenceMap<K, V> implements SharedMap<K, V> {

    /** The published map; never modified after the {@code compareAndSet} that published it. */
    private final AtomicReference<Map<K, V>> snapshot;

    public CopyOnWriteAtomicReferenceMap(int expectedSize) {
        this.snapshot = new AtomicReference<>(HashMaps.withExpectedSize(expectedSize));
    }

    @Override
    public V get(K key) {
        return snapshot.get().get(key);
    }

    @Override
    public V put(K key, V value) {
        while (true) {
            Map<K, V> before = snapshot.get();
            Map<K, V> after = new HashMap<>(before);
            V previous = after.put(key, value);
            if (snapshot.compareAndSet(before, after)) {
                return previous;
            }
        }
    }

    @Override
    public V remove(K key) {
        while (true) {
            Map<K, V> before = snapshot.get();
            if (!before.containsKey(key)) {
                return null; // nothing to publish: the snapshot we read already lacks the key
            }
            Map<K, V> after = new HashMap<>(before);
            V previous = after.remove(key);
            if (snapshot.compareAndSet(before, after)) {
                return previous;
            }
        }
    }

    /** One copy with every entry added, published at once (filling by {@link #put} would copy once per entry). */
    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        while (true) {
            Map<K, V> before = snapshot.get();
            Map<K, V> after = HashMaps.withExpectedSize(before.size() + entries.size());
            after.putAll(before);
            after.putAll(entries);
            if (snapshot.compareAndSet(before, after)) {
                return;
            }
        }
    }

    @Override
    public int size() {
        return snapshot.get().size();
    }

    /** Walks one consistent snapshot; writes that happen meanwhile are not seen. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot.get().forEach(action);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Objects.requireNonNull(value, "value");
        while (true) {
            Map<K, V> before = snapshot.get();
            V present = before.get(key);
            if (present != null) {
                return present;
            }
            if (snapshot.compareAndSet(before, copyWith(before, key, value))) {
                return null;
            }
        }
    }

    /** A hit is one volatile read; a miss computes the value once per call and publishes it by compareAndSet. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V computed = null;
        while (true) {
            Map<K, V> before = snapshot.get();
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
            if (snapshot.compareAndSet(before, copyWith(before, key, value))) {
                return computed;
            }
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        Objects.requireNonNull(value, "value");
        while (true) {
            Map<K, V> before = snapshot.get();
            V old = before.get(key);
            V next = old == null ? value : remapping.apply(old, value);
            if (snapshot.compareAndSet(before, copyWith(before, key, next))) {
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
