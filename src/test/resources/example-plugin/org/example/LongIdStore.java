package org.example;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A team's facade that is no java.util.Map at all: primitive long ids, Optional results, its own method
 * names. mapbench reaches it through LongIdStoreProvider, a StrategyProvider listed in
 * META-INF/services. Every call holds the store's monitor.
 */
public final class LongIdStore<V> {

    private final Map<Long, V> byId;

    public LongIdStore(int expectedSize) {
        byId = new HashMap<>(Math.max(16, (int) Math.ceil(expectedSize / 0.75)));
    }

    public synchronized Optional<V> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized Optional<V> store(long id, V value) {
        return Optional.ofNullable(byId.put(id, value));
    }

    public synchronized Optional<V> delete(long id) {
        return Optional.ofNullable(byId.remove(id));
    }

    public synchronized int count() {
        return byId.size();
    }

    public synchronized void visit(BiConsumer<Long, V> visitor) {
        byId.forEach(visitor);
    }
}
