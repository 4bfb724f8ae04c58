package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#COPY_ON_WRITE}: get, put, remove and size (read from one snapshot) are linearizable. */
class CopyOnWriteAtomicMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#COPY_ON_WRITE}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.COPY_ON_WRITE);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
