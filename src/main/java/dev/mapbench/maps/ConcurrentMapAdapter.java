package dev.mapbench.maps;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Any {@link ConcurrentMap} seen as a {@link SharedMap}: each call goes straight to the map, so the
 * strategy is exactly the map's own semantics (its {@code size}, its iteration). The library strategies
 * that are {@code ConcurrentMap}s and every plug-in class use it; a {@link StrategyProvider} may too.
 *
 * <p>The adapter costs what {@link ConcurrentHashMapStrategy} costs: one wrapper object and one field load
 * before the map's own call. A benchmark fork uses one map class, so the interface call is monomorphic
 * there and is inlined like a direct one.
 */
public final class ConcurrentMapAdapter<K, V> implements SharedMap<K, V> {

    private final ConcurrentMap<K, V> map;
    private final Map<MapOperation, String> caveats;

    /** The map as it is; its conditional operations are its own {@code ConcurrentMap} methods. */
    public ConcurrentMapAdapter(ConcurrentMap<K, V> map) {
        this(map, Map.of());
    }

    /** The map, with what its conditional operations do not promise (e.g. a function that may run twice). */
    public ConcurrentMapAdapter(ConcurrentMap<K, V> map, Map<MapOperation, String> caveats) {
        if (map == null) {
            throw new IllegalArgumentException("map is null");
        }
        this.map = map;
        this.caveats = Map.copyOf(caveats);
    }

    /** The adapted map, for tests that check which map a strategy builds. */
    public ConcurrentMap<K, V> delegate() {
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

    /** The map's own {@code forEach}: weakly consistent for the JDK's, Caffeine's and JCTools' maps. */
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

    /** Every operation: a {@code ConcurrentMap} has them all, its own or {@code ConcurrentMap}'s atomic defaults. */
    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }

    @Override
    public String caveat(MapOperation operation) {
        return caveats.get(operation);
    }
}
