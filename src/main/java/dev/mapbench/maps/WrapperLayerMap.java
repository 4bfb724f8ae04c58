package dev.mapbench.maps;

import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Adapts the wrapper layer ({@link GuardedLongMap}) to {@link SharedMap}, the way calling code uses
 * such a facade: it unboxes the caller's key to the facade's primitive id and unwraps the
 * {@code Optional} it gets back. The facade's own allocations happen inside; this adapter adds none.
 */
public final class WrapperLayerMap<V> implements SharedMap<Long, V> {

    private final GuardedLongMap<V> facade;

    public WrapperLayerMap(int expectedSize) {
        this.facade = new GuardedLongMap<>(expectedSize);
    }

    /** The facade itself, for tests of its own API. */
    public GuardedLongMap<V> facade() {
        return facade;
    }

    @Override
    public V get(Long key) {
        return facade.find(key).orElse(null);
    }

    @Override
    public V put(Long key, V value) {
        return facade.store(key, value).orElse(null);
    }

    @Override
    public V remove(Long key) {
        return facade.delete(key).orElse(null);
    }

    @Override
    public int size() {
        return facade.count();
    }

    /** Walks a snapshot taken under the read lock, as the facade offers. */
    @Override
    public void forEach(BiConsumer<? super Long, ? super V> action) {
        for (GuardedLongMap.Entry<V> entry : facade.snapshot()) {
            action.accept(entry.id(), entry.value());
        }
    }

    @Override
    public V putIfAbsent(Long key, V value) {
        return facade.storeIfAbsent(key, value).orElse(null);
    }

    @Override
    public V computeIfAbsent(Long key, Function<? super Long, ? extends V> mapping) {
        return facade.findOrCreate(key, id -> mapping.apply(id)).orElse(null);
    }

    @Override
    public V merge(Long key, V value, BiFunction<? super V, ? super V, ? extends V> remapping) {
        return facade.accumulate(key, value, remapping).orElse(null);
    }

    @Override
    public Set<MapOperation> operations() {
        return SharedMap.allOperations();
    }
}
