package dev.mapbench.maps;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The wrapper layer ({@link GuardedMap}) for object keys, adapted to {@link SharedMap} the way calling code uses
 * such a facade: it unwraps the {@code Optional} it gets back. {@link WrapperLayerMap} is the same for the
 * {@code long}-id facade and {@code Long} keys.
 */
public final class ObjectKeyWrapperLayerMap<K, V> implements SharedMap<K, V> {

    private final GuardedMap<K, V> facade;

    public ObjectKeyWrapperLayerMap(int expectedSize) {
        this.facade = new GuardedMap<>(expectedSize);
    }

    @Override
    public V get(K key) {
        return facade.find(key).orElse(null);
    }

    @Override
    public V put(K key, V value) {
        return facade.store(key, value).orElse(null);
    }

    @Override
    public V remove(K key) {
        return facade.delete(key).orElse(null);
    }

    @Override
    public int size() {
        return facade.count();
    }

    /** Walks a snapshot taken under the read lock, as the facade offers. */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        for (GuardedMap.Entry<K, V> entry : facade.snapshot()) {
            action.accept(entry.id(), entry.value());
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return facade.storeIfAbsent(key, value).orElse(null);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mapping) {
        return facade.findOrCreate(key, mapping).orElse(null);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        return facade.accumulate(key, value, remapping).orElse(null);
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }
}
