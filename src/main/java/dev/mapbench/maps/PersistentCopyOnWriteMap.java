package dev.mapbench.maps;

import io.vavr.collection.HashMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Copy-on-write with a persistent (structurally shared) map: Vavr's {@link HashMap}, a hash array mapped
 * trie, behind an atomic reference replaced by {@code compareAndSet} on every write.
 *
 * <p>A write builds a new version that shares every untouched node with the old one, so it copies one path
 * of the trie (O(log₃₂ n) nodes of up to 32 slots) instead of the whole map: that is what separates it from
 * {@link CopyOnWriteAtomicMap}, whose write copies every entry. A read is one volatile load and a trie
 * lookup ({@code getOrElse}, which returns the value itself; Vavr's {@code get} would wrap it in an
 * {@code Option} per read). The reference is a {@link VarHandle} field, as in {@link CopyOnWriteAtomicMap},
 * so the two differ only in the data structure. Configuration that changes results: none beyond that;
 * Vavr's map has no capacity to size, so {@code expectedSize} is not used.
 */
public final class PersistentCopyOnWriteMap<K, V> implements SharedMap<K, V> {

    private static final VarHandle SNAPSHOT;

    static {
        try {
            SNAPSHOT = MethodHandles.lookup().findVarHandle(PersistentCopyOnWriteMap.class, "snapshot", HashMap.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The published version; persistent, so it can never change after publication. */
    private volatile HashMap<K, V> snapshot = HashMap.empty();

    /** {@code expectedSize} is accepted for the registry's factory shape; a trie grows node by node. */
    public PersistentCopyOnWriteMap(int expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("expectedSize < 0: " + expectedSize);
        }
    }

    @Override
    public V get(K key) {
        return snapshot.getOrElse(key, null);
    }

    /** Null values are refused, as {@code ConcurrentHashMap} does: {@link #remove} reads null as absent. */
    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(value, "value");
        while (true) {
            HashMap<K, V> before = snapshot;
            V previous = before.getOrElse(key, null);
            if (SNAPSHOT.compareAndSet(this, before, before.put(key, value))) {
                return previous;
            }
        }
    }

    @Override
    public V remove(K key) {
        while (true) {
            HashMap<K, V> before = snapshot;
            V previous = before.getOrElse(key, null);
            if (previous == null) {
                return null; // nothing to publish: the version we read already lacks the key
            }
            if (SNAPSHOT.compareAndSet(this, before, before.remove(key))) {
                return previous;
            }
        }
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    /** Walks one version; writes that happen meanwhile are not seen. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot.forEach(action::accept);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Objects.requireNonNull(value, "value");
        while (true) {
            HashMap<K, V> before = snapshot;
            V present = before.getOrElse(key, null);
            if (present != null) {
                return present;
            }
            if (SNAPSHOT.compareAndSet(this, before, before.put(key, value))) {
                return null;
            }
        }
    }

    /** A hit is one volatile read; a miss computes the value once per call and publishes it by compareAndSet. */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        V computed = null;
        while (true) {
            HashMap<K, V> before = snapshot;
            V present = before.getOrElse(key, null);
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
            if (SNAPSHOT.compareAndSet(this, before, before.put(key, value))) {
                return computed;
            }
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        Objects.requireNonNull(value, "value");
        while (true) {
            HashMap<K, V> before = snapshot;
            V old = before.getOrElse(key, null);
            V next = old == null ? value : remapping.apply(old, value);
            if (SNAPSHOT.compareAndSet(this, before, next == null ? before.remove(key) : before.put(key, next))) {
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
}
