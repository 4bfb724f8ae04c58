package dev.mapbench.maps;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The registry of strategies under test: the one place to add one. Each constant builds its map.
 *
 * <p>Maps are keyed by {@link Long} because the wrapper layer's API takes primitive ids, and its
 * boxing is part of what it costs.
 */
public enum MapStrategy {
    RWLOCK_HASHMAP(true, ReadWriteLockHashMap::new),
    CONCURRENT_HASHMAP(true, ConcurrentHashMapStrategy::new),
    COPY_ON_WRITE(true, CopyOnWriteAtomicMap::new),
    WRAPPER_LAYER(true, WrapperLayerMap::new),
    SYNCHRONIZED_MAP(true, SynchronizedMapStrategy::new),
    STAMPED_LOCK(true, StampedLockHashMap::new),
    /** Unsafe: the read-only ceiling and the hazard tests' subject; never run with concurrent writers. */
    UNSYNCHRONIZED_HASHMAP(false, UnsynchronizedHashMap::new);

    private final boolean threadSafe;
    private final IntFunction<SharedMap<Long, ?>> factory;

    MapStrategy(boolean threadSafe, IntFunction<SharedMap<Long, ?>> factory) {
        this.threadSafe = threadSafe;
        this.factory = factory;
    }

    /** Whether concurrent writers may use this strategy. */
    public boolean threadSafe() {
        return threadSafe;
    }

    /**
     * A new, empty map sized for {@code expectedSize} entries; wrapped in a
     * {@link DeliberatelySlowedMap} only when {@code -Dmapbench.slowdown} names this strategy.
     */
    @SuppressWarnings("unchecked")
    public <V> SharedMap<Long, V> create(int expectedSize) {
        SharedMap<Long, V> map = (SharedMap<Long, V>) factory.apply(expectedSize);
        int slowdownPercent = DeliberatelySlowedMap.configuredPercent(this);
        return slowdownPercent == 0 ? map : new DeliberatelySlowedMap<>(map, slowdownPercent);
    }

    /** Every strategy that is safe under concurrent writes, in declaration order. */
    public static List<MapStrategy> safeStrategies() {
        return Arrays.stream(values()).filter(MapStrategy::threadSafe).toList();
    }
}
