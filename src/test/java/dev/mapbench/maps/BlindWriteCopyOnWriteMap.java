package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * BROKEN on purpose: {@link CopyOnWriteAtomicMap} with its {@code compareAndSet} replaced by a plain
 * {@code set}. Two writers that copy the same snapshot both publish, and the later one silently drops
 * the other's write. It is correct when used from one thread; Lincheck must reject it under two.
 */
final class BlindWriteCopyOnWriteMap<K, V> implements SharedMap<K, V> {

    private final AtomicReference<Map<K, V>> current = new AtomicReference<>(new HashMap<>());

    @Override
    public V get(K key) {
        return current.get().get(key);
    }

    @Override
    public V put(K key, V value) {
        Map<K, V> copy = new HashMap<>(current.get());
        V previous = copy.put(key, value);
        current.set(copy);
        return previous;
    }

    @Override
    public V remove(K key) {
        Map<K, V> copy = new HashMap<>(current.get());
        V previous = copy.remove(key);
        current.set(copy);
        return previous;
    }

    @Override
    public int size() {
        return current.get().size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        current.get().forEach(action);
    }
}
