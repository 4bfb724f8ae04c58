package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#SYNCHRONIZED_MAP}: get, put, remove and size are linearizable. */
class SynchronizedMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#SYNCHRONIZED_MAP}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.SYNCHRONIZED_MAP);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
