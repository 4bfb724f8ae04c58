package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperations;

/**
 * {@link MapStrategy#CONCURRENT_HASHMAP}: get, put and remove are linearizable. {@code size} is left out:
 * it is not linearizable, which {@link ConcurrentHashMapSizeTest} pins.
 */
class ConcurrentHashMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#CONCURRENT_HASHMAP}. */
    public static final class Spec extends MapOperations {
        public Spec() {
            super(MapStrategy.CONCURRENT_HASHMAP);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
