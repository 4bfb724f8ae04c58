package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#RWLOCK_HASHMAP}: get, put, remove and size are linearizable. */
class ReadWriteLockHashMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#RWLOCK_HASHMAP}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.RWLOCK_HASHMAP);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
