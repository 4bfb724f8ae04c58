package dev.mapbench.linearizability;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategy;
import org.jetbrains.lincheck.datastructures.Operation;

/** {@link MapOperations} plus {@code size}, for strategies whose {@code size} is linearizable. */
public abstract class MapOperationsWithSize extends MapOperations {

    protected MapOperationsWithSize(SharedMap<Long, Integer> map) {
        super(map);
    }

    protected MapOperationsWithSize(Strategy strategy) {
        super(strategy);
    }

    @Operation
    public int size() {
        return map().size();
    }
}
