package dev.mapbench.maps;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@link Collections#synchronizedMap} over a {@link HashMap}: one monitor for every operation.
 *
 * <p>Its iterators are not synchronized: a caller must hold the map's monitor while iterating, which
 * {@link #forEach} does (the JDK's own {@code forEach} on this wrapper also does). Its {@code putIfAbsent},
 * {@code computeIfAbsent} and {@code merge} hold the monitor for the whole call: atomic, each function applied
 * once, under the lock.
 */
public final class SynchronizedMapStrategy<K, V> implements SharedMap<K, V> {

    private final Map<K, V> map;

    public SynchronizedMapStrategy(int expectedSize) {
        this.map = Collections.synchronizedMap(HashMaps.withExpectedSize(expectedSize));
    }

    /** The JDK wrapper itself, for tests that show what happens when its contract is ignored. */
    public Map<K, V> unwrap() {
        return map;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public V put(K key, V value) {
        return map.put(key, value);
    }

    @Override
    public V remove(K key) {
        return map.remove(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        synchronized (map) {
            for (Map.Entry<K, V> e : map.entrySet()) {
                action.accept(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return map.putIfAbsent(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        return map.computeIfAbsent(key, mapping);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        return map.merge(key, value, remapping);
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }
}
