package dev.mapbench.linearizability;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategy;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.LongGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * Lincheck's view of a {@link SharedMap}: get, put and remove over keys 1..3 and values 1..2.
 *
 * <p>The key space is tiny on purpose: with three keys two threads hit the same key often, which is
 * where a broken map shows itself, and each scenario stays small enough to check quickly. The test suite's
 * specs and the bench-time check of a plug-in ({@link LinearizabilityCheck}) both extend this class.
 * {@code size} is not an operation here; {@link MapOperationsWithSize} adds it for the strategies
 * whose {@code size} is linearizable.
 */
@Param(name = "key", gen = LongGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:2")
public abstract class MapOperations {

    private final SharedMap<Long, Integer> map;

    protected MapOperations(SharedMap<Long, Integer> map) {
        this.map = map;
    }

    protected MapOperations(Strategy strategy) {
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
