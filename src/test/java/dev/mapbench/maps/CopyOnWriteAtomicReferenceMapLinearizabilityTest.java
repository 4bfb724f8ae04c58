package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#COPY_ON_WRITE_ATOMIC_REFERENCE}: get, put, remove and size (read from one snapshot) are linearizable. */
class CopyOnWriteAtomicReferenceMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#COPY_ON_WRITE_ATOMIC_REFERENCE}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.COPY_ON_WRITE_ATOMIC_REFERENCE);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
