package dev.mapbench.maps;

import org.jetbrains.lincheck.datastructures.Operation;

/** {@link MapOperations} plus {@code size}, for strategies whose {@code size} is linearizable. */
public abstract class MapOperationsWithSize extends MapOperations {

    protected MapOperationsWithSize(SharedMap<Long, Integer> map) {
        super(map);
    }

    protected MapOperationsWithSize(MapStrategy strategy) {
        super(strategy);
    }

    @Operation
    public int size() {
        return map().size();
    }
}
