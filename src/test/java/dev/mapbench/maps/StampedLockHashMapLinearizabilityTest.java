package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#STAMPED_LOCK}: get, put, remove and size are linearizable, optimistic reads included. */
class StampedLockHashMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#STAMPED_LOCK}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.STAMPED_LOCK);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
