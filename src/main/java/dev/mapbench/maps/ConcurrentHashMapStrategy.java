package dev.mapbench.maps;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A thin adapter over {@link ConcurrentHashMap}.
 *
 * <p>{@link #size} is {@code ConcurrentHashMap.size()}, which its Javadoc calls an estimate while
 * updates run concurrently: the suite treats it as exact only at quiescence and leaves it out of the
 * linearizability check for this strategy. Iteration is weakly consistent and never throws.
 * {@code putIfAbsent}, {@code computeIfAbsent} and {@code merge} are the map's own: atomic, each function
 * applied at most once per call; a {@code computeIfAbsent} miss locks the key's bin, a hit on the bin's first
 * node takes no lock (JDK 9 on, JDK-8161372), a hit deeper in a bin does.
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
