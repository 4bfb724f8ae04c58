package dev.mapbench.maps;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A thin adapter over {@link ConcurrentHashMap}.
 *
 * <p>{@link #size} is {@code ConcurrentHashMap.size()}, which its Javadoc calls an estimate while
 * updates run concurrently: the suite treats it as exact only at quiescence and leaves it out of the
 * linearizability check for this strategy. Iteration is weakly consistent and never throws.
 */
public final class ConcurrentHashMapStrategy<K, V> implements SharedMap<K, V> {

    private final ConcurrentHashMap<K, V> map;

    public ConcurrentHashMapStrategy(int expectedSize) {
        this.map = new ConcurrentHashMap<>(expectedSize);
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
        map.forEach(action);
    }
}
