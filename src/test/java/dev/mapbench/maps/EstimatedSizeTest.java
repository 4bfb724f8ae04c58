package dev.mapbench.maps;

import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.linearizability.MapOperationsWithSize;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How the suite treats {@code size} for the strategies whose {@code size} is a counter updated apart from
 * the entry: {@link MapStrategy#CONCURRENT_HASHMAP}, {@link MapStrategy#CAFFEINE} (its unbounded cache is a
 * {@code ConcurrentHashMap}), {@link MapStrategy#NON_BLOCKING_HASHMAP} (a striped counter) and
 * {@link MapStrategy#CONCURRENT_SKIPLIST_MAP} (a {@code LongAdder}).
 *
 * <p>Each updates its counter only after the entry is already visible, so a reader can see the entry with
 * {@code get} and then a {@code size} that does not count it yet: {@code ConcurrentHashMap}'s Javadoc
 * calls the result an estimate while updates run. The suite therefore does not require {@code size} to be
 * linearizable for these (their linearizability tests check get, put and remove only) and requires instead
 * that {@code size} is exact at quiescence. Both halves are pinned here: Lincheck does find the
 * non-linearizable {@code size}, and a quiescent {@code size} matches the contents. Every other safe
 * strategy computes {@code size} under its lock or from one snapshot, and its Lincheck test includes
 * {@code size}.
 */
@Tag("slow")
class EstimatedSizeTest {

    /** The strategies whose size is an estimate while writers run. */
    static final Set<MapStrategy> ESTIMATED = Set.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.CAFFEINE,
            MapStrategy.NON_BLOCKING_HASHMAP, MapStrategy.CONCURRENT_SKIPLIST_MAP);

    /** CONCURRENT_HASHMAP with {@code size} as an operation: expected to fail the check. */
    public static final class ConcurrentHashMapWithSize extends MapOperationsWithSize {
        public ConcurrentHashMapWithSize() {
            super(MapStrategy.CONCURRENT_HASHMAP);
        }
    }

    /** CAFFEINE with {@code size}. */
    public static final class CaffeineWithSize extends MapOperationsWithSize {
        public CaffeineWithSize() {
            super(MapStrategy.CAFFEINE);
        }
    }

    /** NON_BLOCKING_HASHMAP with {@code size}. */
    public static final class NonBlockingHashMapWithSize extends MapOperationsWithSize {
        public NonBlockingHashMapWithSize() {
            super(MapStrategy.NON_BLOCKING_HASHMAP);
        }
    }

    /** CONCURRENT_SKIPLIST_MAP with {@code size}. */
    public static final class ConcurrentSkipListMapWithSize extends MapOperationsWithSize {
        public ConcurrentSkipListMapWithSize() {
            super(MapStrategy.CONCURRENT_SKIPLIST_MAP);
        }
    }

    static List<MapStrategy> estimated() {
        return MapStrategy.safeStrategies().stream().filter(ESTIMATED::contains).toList();
    }

    /** The spec with {@code size}, and the scenarios Lincheck needs to find the violation reliably. */
    private static Class<? extends MapOperationsWithSize> withSize(MapStrategy strategy) {
        return switch (strategy) {
            case CONCURRENT_HASHMAP -> ConcurrentHashMapWithSize.class;
            case CAFFEINE -> CaffeineWithSize.class;
            case NON_BLOCKING_HASHMAP -> NonBlockingHashMapWithSize.class;
            case CONCURRENT_SKIPLIST_MAP -> ConcurrentSkipListMapWithSize.class;
            default -> throw new IllegalArgumentException(strategy + "'s size is checked with the rest");
        };
    }

    /**
     * JCTools' map first claims a key slot, then sets the value, then counts: the model checker needs more
     * scenarios to put a size() between the last two (it found it within 60 in every one of 4 tries, at
     * 18–26 s; within 10 it usually does not).
     */
    private static int scenarios(MapStrategy strategy) {
        return strategy == MapStrategy.NON_BLOCKING_HASHMAP ? 60 : 10;
    }

    @ParameterizedTest
    @MethodSource("estimated")
    void lincheckFindsSizeNotLinearizableUnderConcurrentPuts(MapStrategy strategy) {
        LincheckVerdicts.assertNotLinearizable(LincheckRuns.modelChecking(scenarios(strategy)), withSize(strategy));
    }

    @ParameterizedTest
    @MethodSource("estimated")
    void sizeIsExactOnceConcurrentWritersHaveJoined(MapStrategy strategy) throws Exception {
        int writers = 2;
        int keysPerWriter = 20_000;
        for (int round = 0; round < 5; round++) {
            SharedMap<Long, Integer> map = strategy.create(16);
            CyclicBarrier start = new CyclicBarrier(writers);
            Thread[] threads = new Thread[writers];
            for (int w = 0; w < writers; w++) {
                long firstKey = (long) w * keysPerWriter;
                threads[w] = new Thread(() -> {
                    await(start);
                    for (long key = firstKey; key < firstKey + keysPerWriter; key++) {
                        map.put(key, 1);
                        if (key % 3 == 0) {
                            map.remove(key); // removals too, so size must also count down exactly
                        }
                    }
                });
                threads[w].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            AtomicInteger visited = new AtomicInteger();
            map.forEach((key, value) -> visited.incrementAndGet());
            int expected = writers * (keysPerWriter - (keysPerWriter + 2) / 3);
            assertEquals(expected, visited.get(), strategy + ": entries visited after the writers joined");
            assertEquals(expected, map.size(), strategy + ": size() after the writers joined");
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
