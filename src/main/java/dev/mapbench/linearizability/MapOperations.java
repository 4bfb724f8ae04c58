package dev.mapbench.linearizability;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategy;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@link BasicMapOperations} plus the conditional operations caches and counters call: {@code putIfAbsent},
 * {@code computeIfAbsent} (the mapping function gives a value that depends on the key, so a result shows
 * whether the stored value was computed for that key) and {@code merge} (a sum, so a lost or doubled
 * remapping shows in the value). Held to {@link SequentialMap}, {@code HashMap}'s semantics.
 */
public abstract class MapOperations extends BasicMapOperations {

    protected MapOperations(SharedMap<Long, Integer> map) {
        super(map);
    }

    protected MapOperations(Strategy strategy) {
        super(strategy);
    }

    @Operation
    public Integer putIfAbsent(@Param(name = "key") long key, @Param(name = "value") int value) {
        return map().putIfAbsent(key, value);
    }

    @Operation
    public Integer computeIfAbsent(@Param(name = "key") long key) {
        return map().computeIfAbsent(key, SequentialMap::computed);
    }

    @Operation
    public Integer merge(@Param(name = "key") long key, @Param(name = "value") int value) {
        return map().merge(key, value, Integer::sum);
    }
}
