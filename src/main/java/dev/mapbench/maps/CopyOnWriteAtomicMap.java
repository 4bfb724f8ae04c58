package dev.mapbench.maps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

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
}
