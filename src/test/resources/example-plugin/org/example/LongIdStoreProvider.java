package org.example;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.StrategyProvider;
import java.util.function.BiConsumer;

/**
 * Example StrategyProvider: adapts LongIdStore, whose API is not a Map, to mapbench's SharedMap.
 * Listed in META-INF/services/dev.mapbench.maps.StrategyProvider of example-map.jar, selected with
 * -Dbench.strategies=org.example.LongIdStore.
 */
public final class LongIdStoreProvider implements StrategyProvider {

    @Override
    public String name() {
        return "org.example.LongIdStore";
    }

    @Override
    public <V> SharedMap<Long, V> create(int expectedSize) {
        LongIdStore<V> store = new LongIdStore<>(expectedSize);
        return new SharedMap<>() {
            @Override
            public V get(Long key) {
                return store.find(key).orElse(null);
            }

            @Override
            public V put(Long key, V value) {
                return store.store(key, value).orElse(null);
            }

            @Override
            public V remove(Long key) {
                return store.delete(key).orElse(null);
            }

            @Override
            public int size() {
                return store.count();
            }

            @Override
            public void forEach(BiConsumer<? super Long, ? super V> action) {
                store.visit(action::accept);
            }
        };
    }
}
