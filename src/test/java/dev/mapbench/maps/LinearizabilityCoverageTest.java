package dev.mapbench.maps;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every safe strategy has a Lincheck test that really exercises it, and the size decision holds:
 * {@code size} is checked for every safe strategy except {@link MapStrategy#CONCURRENT_HASHMAP}.
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
            case UNSYNCHRONIZED_HASHMAP -> null; // not safe: LincheckRejectsBrokenMapsTest shows it failing
        };
    }

    @Test
    void everySafeStrategyHasALincheckTestOfItsOwnMap() throws Exception {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            LinearizabilityTestBase test = linearizabilityTestOf(strategy);
            assertNotNull(test, strategy + " has no linearizability test");
            MapOperations spec = test.spec().getConstructor().newInstance();
            assertEquals(strategy.create(1).getClass(), spec.map().getClass(),
                    strategy + "'s Lincheck test exercises another map");
        }
        assertNull(linearizabilityTestOf(MapStrategy.UNSYNCHRONIZED_HASHMAP));
    }

    @Test
    void sizeIsCheckedForEverySafeStrategyExceptConcurrentHashMap() {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            boolean sizeChecked = MapOperationsWithSize.class.isAssignableFrom(linearizabilityTestOf(strategy).spec());
            assertEquals(strategy != MapStrategy.CONCURRENT_HASHMAP, sizeChecked, strategy + ": size checked?");
        }
    }
}
