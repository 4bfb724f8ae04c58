package dev.mapbench.maps;

import dev.mapbench.linearizability.MapOperationsWithSize;

/** {@link MapStrategy#WRAPPER_LAYER}: get, put, remove and size are linearizable through the facade. */
class WrapperLayerMapLinearizabilityTest extends LinearizabilityTestBase {

    /** Lincheck's test class for {@link MapStrategy#WRAPPER_LAYER}. */
    public static final class Spec extends MapOperationsWithSize {
        public Spec() {
            super(MapStrategy.WRAPPER_LAYER);
        }
    }

    @Override
    Class<Spec> spec() {
        return Spec.class;
    }
}
