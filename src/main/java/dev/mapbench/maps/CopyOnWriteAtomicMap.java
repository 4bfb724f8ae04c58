package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Copy-on-write: an immutable map behind an {@link AtomicReference}.
 *
 * <p>The published map is a {@link HashMap} that is never modified after the {@code compareAndSet}
 * that publishes it, so a reader does one volatile read and an ordinary lookup. A writer copies the
 * current map, changes the copy and publishes it with {@code compareAndSet}, retrying when another
 * writer won; no lock is taken. A write therefore costs a copy of the whole map: O(size) time and
 * allocation, which the benchmark matrix shows across map sizes.
 */
public final class CopyOnWriteAtomicMap<K, V> implements SharedMap<K, V> {

    private final AtomicReference<Map<K, V>> current;

    public CopyOnWriteAtomicMap(int expectedSize) {
        this.current = new AtomicReference<>(HashMaps.withExpectedSize(expectedSize));
    }

    @Override
    public V get(K key) {
        return current.get().get(key);
    }

    @Override
    public V put(K key, V value) {
        while (true) {
            Map<K, V> before = current.get();
            Map<K, V> after = new HashMap<>(before);
            V previous = after.put(key, value);
            if (current.compareAndSet(before, after)) {
                return previous;
            }
        }
    }

    @Override
    public V remove(K key) {
        while (true) {
            Map<K, V> before = current.get();
            if (!before.containsKey(key)) {
                return null; // nothing to publish: the snapshot we read already lacks the key
            }
            Map<K, V> after = new HashMap<>(before);
            V previous = after.remove(key);
            if (current.compareAndSet(before, after)) {
                return previous;
            }
        }
    }

    @Override
    public int size() {
        return current.get().size();
    }

    /** Walks one consistent snapshot; writes that happen meanwhile are not seen. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        current.get().forEach(action);
    }
}
