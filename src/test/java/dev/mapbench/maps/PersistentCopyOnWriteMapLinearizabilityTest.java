package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#PERSISTENT_COPY_ON_WRITE}: get, put, remove and size (read from one version) are linearizable. */
class PersistentCopyOnWriteMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#PERSISTENT_COPY_ON_WRITE}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.PERSISTENT_COPY_ON_WRITE);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
