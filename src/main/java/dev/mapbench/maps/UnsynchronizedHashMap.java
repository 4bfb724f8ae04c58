package dev.mapbench.maps;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * UNSAFE: a plain {@link HashMap} with no synchronization at all.
 *
 * <p>It exists for two reasons only: as the read-only ceiling in benchmarks (100 % reads, where no
 * thread writes after the map is filled) and as the subject of the hazard tests, which show it losing
 * entries and throwing under concurrent writes. Nothing else may run it with concurrent writers;
 * {@link MapStrategy#threadSafe()} is false for it. Its conditional operations are {@code HashMap}'s, with no
 * lock: concurrent {@code merge} calls lose increments (the hazard tests show it).
 */
public final class UnsynchronizedHashMap<K, V> implements SharedMap<K, V> {

    private final Map<K, V> map;

    public UnsynchronizedHashMap(int expectedSize) {
        this.map = HashMaps.withExpectedSize(expectedSize);
    }

    /** The raw map, for the hazard tests that iterate it while others write. */
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
