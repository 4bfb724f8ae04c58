package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperations;

/** {@link MapStrategy#NON_BLOCKING_HASHMAP}: get, put and remove are linearizable. {@code size} is left out: a striped counter updated after the slot, which {@link EstimatedSizeTest} pins. */
class NonBlockingHashMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#NON_BLOCKING_HASHMAP}. */
    public static final class Spec extends MapOperations {
        public Spec() {
            super(MapStrategy.NON_BLOCKING_HASHMAP);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
