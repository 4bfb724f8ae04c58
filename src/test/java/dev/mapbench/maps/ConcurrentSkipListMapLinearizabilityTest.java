package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperations;

/** {@link MapStrategy#CONCURRENT_SKIPLIST_MAP}: get, put and remove are linearizable. {@code size} is left out: a counter updated after the node is linked, which {@link EstimatedSizeTest} pins. */
class ConcurrentSkipListMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#CONCURRENT_SKIPLIST_MAP}. */
    public static final class Spec extends MapOperations {
        public Spec() {
            super(MapStrategy.CONCURRENT_SKIPLIST_MAP);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
