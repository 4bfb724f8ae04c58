package dev.mapbench.maps;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntFunction;
import org.jctools.maps.NonBlockingHashMap;

/**
 * The registry of built-in strategies: the one place to add one. Each constant builds its map and says
 * where it comes from ({@link StrategyGroup}). Plug-ins from {@code bench.classpath} need no constant:
 * {@link Strategies} resolves them by class name.
 *
 * <p>Maps are keyed by {@link Long} because the wrapper layer's API takes primitive ids, and its
 * boxing is part of what it costs. Declaration order is the matrix order.
 */
public enum MapStrategy implements Strategy {
    RWLOCK_HASHMAP(StrategyGroup.JDK, true, ReadWriteLockHashMap::new),
    CONCURRENT_HASHMAP(StrategyGroup.JDK, true, ConcurrentHashMapStrategy::new),
    COPY_ON_WRITE(StrategyGroup.JDK, true, CopyOnWriteAtomicMap::new),
    WRAPPER_LAYER(StrategyGroup.JDK, true, WrapperLayerMap::new),
    SYNCHRONIZED_MAP(StrategyGroup.JDK, true, SynchronizedMapStrategy::new),
    STAMPED_LOCK(StrategyGroup.JDK, true, StampedLockHashMap::new),
    /**
     * {@link ConcurrentSkipListMap} in natural {@code Long} order, for teams that need a sorted map: O(log n)
     * reads and writes; it has no capacity, so {@code expectedSize} is not used.
     */
    CONCURRENT_SKIPLIST_MAP(StrategyGroup.JDK, true, expectedSize -> new ConcurrentMapAdapter<>(new ConcurrentSkipListMap<>(),
            Map.of(MapOperation.COMPUTE_IF_ABSENT, "atomic; its Javadoc does not promise the mapping function runs once "
                    + "(a miss may run it in several threads)", MapOperation.MERGE, "atomic; the remapping function "
                    + "may run more than once per call (it retries its compare-and-set)"))),
    /** {@link #COPY_ON_WRITE}'s algorithm with its reference in an {@code AtomicReference}, as teams write it. */
    COPY_ON_WRITE_ATOMIC_REFERENCE(StrategyGroup.JDK, true, CopyOnWriteAtomicReferenceMap::new),
    /**
     * Caffeine's unbounded cache as a map: {@code Caffeine.newBuilder().initialCapacity(size)
     * .executor(Runnable::run).build().asMap()}. Unbounded (no maximum size, expiry, weak or soft references,
     * statistics or listeners), so it is a {@code ConcurrentHashMap} behind Caffeine's facade with no
     * eviction policy: a bounded cache adds read and write buffers and its frequency sketch, and is not what is
     * measured here. The direct executor changes nothing at run time (an unbounded cache without listeners or
     * refresh never submits a task); it keeps {@code ForkJoinPool.commonPool()} out of the map's object graph,
     * which the footprint would otherwise count.
     */
    CAFFEINE(StrategyGroup.LIBRARY, true, expectedSize -> new ConcurrentMapAdapter<>(Caffeine.newBuilder()
            .initialCapacity(expectedSize).executor(Runnable::run).<Long, Object>build().asMap())),
    /**
     * JCTools' lock-free {@link NonBlockingHashMap} (Cliff Click's), sized with its {@code initial_sz}
     * constructor. A removed key stays in its table as a tombstone until the next resize.
     */
    NON_BLOCKING_HASHMAP(StrategyGroup.LIBRARY, true, expectedSize -> new ConcurrentMapAdapter<>(
            new NonBlockingHashMap<>(expectedSize), Map.of(MapOperation.COMPUTE_IF_ABSENT, "ConcurrentMap's default: "
                    + "get, then putIfAbsent; two threads missing the same key may each run the mapping function, one "
                    + "result is stored", MapOperation.MERGE, "ConcurrentMap's default: a replace/putIfAbsent loop that "
                    + "runs the remapping function again on every lost race"))),
    /** A persistent map (Vavr's hash array mapped trie) behind an atomic reference: a write is O(log n). */
    PERSISTENT_COPY_ON_WRITE(StrategyGroup.LIBRARY, true, PersistentCopyOnWriteMap::new),
    /** Unsafe: the read-only ceiling and the hazard tests' subject; never run with concurrent writers. */
    UNSYNCHRONIZED_HASHMAP(StrategyGroup.JDK, false, UnsynchronizedHashMap::new);

    private final StrategyGroup group;
    private final boolean threadSafe;
    private final IntFunction<SharedMap<Long, ?>> factory;

    MapStrategy(StrategyGroup group, boolean threadSafe, IntFunction<SharedMap<Long, ?>> factory) {
        this.group = group;
        this.threadSafe = threadSafe;
        this.factory = factory;
    }

    /** Whether concurrent writers may use this strategy. */
    @Override
    public boolean threadSafe() {
        return threadSafe;
    }

    @Override
    public StrategyGroup group() {
        return group;
    }

    /**
     * A new, empty map sized for {@code expectedSize} entries; wrapped in a
     * {@link DeliberatelySlowedMap} only when {@code -Dmapbench.slowdown} names this strategy.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <V> SharedMap<Long, V> create(int expectedSize) {
        return DeliberatelySlowedMap.wrapIfConfigured(this, (SharedMap<Long, V>) factory.apply(expectedSize));
    }

    /**
     * A new map for {@code keyClass} keys: every strategy's map is generic but the wrapper layer's, whose
     * {@code long}-id facade takes Long keys; other keys get its object-id facade ({@link GuardedMap}).
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> SharedMap<K, V> create(int expectedSize, Class<K> keyClass) {
        if (keyClass == Long.class) {
            return (SharedMap<K, V>) create(expectedSize);
        }
        SharedMap<K, V> map = this == WRAPPER_LAYER ? new ObjectKeyWrapperLayerMap<>(expectedSize)
                : (SharedMap<K, V>) factory.apply(expectedSize);
        return DeliberatelySlowedMap.wrapIfConfigured(this, map);
    }

    /**
     * The strategies the main job ({@code mvn verify -Pbench}, default effort) races when none are named: the
     * six the product compares (RWLock + HashMap, ConcurrentHashMap, copy-on-write, the wrapper layer,
     * synchronizedMap, StampedLock) and the unsynchronized ceiling. The others run when named or with
     * {@code -Dbench.strategies=all}, and in the full effort.
     */
    public static List<MapStrategy> mainJob() {
        return List.of(RWLOCK_HASHMAP, CONCURRENT_HASHMAP, COPY_ON_WRITE, WRAPPER_LAYER, SYNCHRONIZED_MAP, STAMPED_LOCK,
                UNSYNCHRONIZED_HASHMAP);
    }

    /** Every strategy that is safe under concurrent writes, in declaration order. */
    public static List<MapStrategy> safeStrategies() {
        return Arrays.stream(values()).filter(MapStrategy::threadSafe).toList();
    }
}
