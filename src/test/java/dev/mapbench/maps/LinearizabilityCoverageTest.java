package dev.mapbench.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.linearizability.MapOperations;
import dev.mapbench.linearizability.MapOperationsWithSize;
import org.junit.jupiter.api.Test;

/**
 * Every safe strategy has a Lincheck test that really exercises it, and the size decision holds:
 * {@code size} is checked for every safe strategy except those whose size is an estimate while writers run
 * ({@link EstimatedSizeTest#ESTIMATED}: ConcurrentHashMap, Caffeine, JCTools, the skip list).
 */
class LinearizabilityCoverageTest {

    /** The switch has no default, so adding a strategy does not compile until this maps it. */
    static LinearizabilityTestBase linearizabilityTestOf(MapStrategy strategy) {
        return switch (strategy) {
            case RWLOCK_HASHMAP -> new ReadWriteLockHashMapLinearizabilityTest();
            case CONCURRENT_HASHMAP -> new ConcurrentHashMapLinearizabilityTest();
            case COPY_ON_WRITE -> new CopyOnWriteAtomicMapLinearizabilityTest();
            case WRAPPER_LAYER -> new WrapperLayerMapLinearizabilityTest();
            case SYNCHRONIZED_MAP -> new SynchronizedMapLinearizabilityTest();
            case STAMPED_LOCK -> new StampedLockHashMapLinearizabilityTest();
            case CONCURRENT_SKIPLIST_MAP -> new ConcurrentSkipListMapLinearizabilityTest();
            case COPY_ON_WRITE_ATOMIC_REFERENCE -> new CopyOnWriteAtomicReferenceMapLinearizabilityTest();
            case CAFFEINE -> new CaffeineLinearizabilityTest();
            case NON_BLOCKING_HASHMAP -> new NonBlockingHashMapLinearizabilityTest();
            case PERSISTENT_COPY_ON_WRITE -> new PersistentCopyOnWriteMapLinearizabilityTest();
            case UNSYNCHRONIZED_HASHMAP -> null; // not safe: LincheckRejectsBrokenMapsTest shows it failing
        };
    }

    @Test
    void everySafeStrategyHasALincheckTestOfItsOwnMap() throws Exception {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            LinearizabilityTestBase test = linearizabilityTestOf(strategy);
            assertNotNull(test, strategy + " has no linearizability test");
            MapOperations spec = test.spec().getConstructor().newInstance();
            assertEquals(mapClass(strategy.create(1)), mapClass(spec.map()),
                    strategy + "'s Lincheck test exercises another map");
        }
        assertNull(linearizabilityTestOf(MapStrategy.UNSYNCHRONIZED_HASHMAP));
    }

    @Test
    void everySafeStrategyImplementsEveryOperationAndItsLincheckTestChecksTheConditionalOnes() {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            assertEquals(SharedMap.allOperations(), strategy.create(1).operations(), strategy + "'s operations");
            assertTrue(MapOperations.class.isAssignableFrom(linearizabilityTestOf(strategy).spec()),
                    strategy + ": putIfAbsent, computeIfAbsent and merge are checked");
        }
    }

    /** The map's own class: through the adapter, the {@code ConcurrentMap} it wraps. */
    private static Class<?> mapClass(SharedMap<?, ?> map) {
        return map instanceof ConcurrentMapAdapter<?, ?> adapter ? adapter.delegate().getClass() : map.getClass();
    }

    @Test
    void sizeIsCheckedForEverySafeStrategyWhoseSizeIsNotAnEstimate() {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            boolean sizeChecked = MapOperationsWithSize.class.isAssignableFrom(linearizabilityTestOf(strategy).spec());
            assertEquals(!EstimatedSizeTest.ESTIMATED.contains(strategy), sizeChecked, strategy + ": size checked?");
        }
    }
}
