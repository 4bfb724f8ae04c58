package dev.mapbench.linearizability;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategy;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Lincheck's view of a {@link SharedMap}'s basic operations: get, put and remove over keys 1..3 and values 1..2.
 *
 * <p>The key space is tiny on purpose: with three keys two threads hit the same key often, which is
 * where a broken map shows itself, and each scenario stays small enough to check quickly. {@link MapOperations}
 * adds the conditional operations every built-in strategy implements; a plug-in that implements only these
 * three is checked on these ({@link LinearizabilityCheck}). {@code size} is not an operation here;
 * {@link MapOperationsWithSize} adds it for the strategies whose {@code size} is linearizable.
 */
@Param(name = "key", gen = LongGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public abstract class BasicMapOperations {

    private final SharedMap<Long, Integer> map;

    protected BasicMapOperations(SharedMap<Long, Integer> map) {
        this.map = map;
    }

    protected BasicMapOperations(Strategy strategy) {
        this(strategy.<Integer>create(4));
    }

    /** The map under test, for tests that check which strategy a spec exercises. */
    public final SharedMap<Long, Integer> map() {
        return map;
    }

    @Operation
    public Integer get(@Param(name = "key") long key) {
        return map.get(key);
    }

    @Operation
    public Integer put(@Param(name = "key") long key, @Param(name = "value") int value) {
        return map.put(key, value);
    }

    @Operation
    public Integer remove(@Param(name = "key") long key) {
        return map.remove(key);
    }
}
