package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperations;

/** {@link MapStrategy#CAFFEINE}: get, put and remove are linearizable. {@code size} is left out: it is the backing {@code ConcurrentHashMap}'s estimate, which {@link EstimatedSizeTest} pins. */
class CaffeineLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#CAFFEINE}. */
    public static final class Spec extends MapOperations {
        public Spec() {
            super(MapStrategy.CAFFEINE);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
