package dev.mapbench.maps;

/**
 * A strategy under test as the benchmarks, the runner and the report see it: a {@link MapStrategy} constant
 * or a plug-in from {@code bench.classpath} ({@link PluginStrategy}), resolved from its name by
 * {@link Strategies}.
 */
public interface Strategy {

    /**
     * The name cells, JMH params and reports carry, and {@link Strategies#resolve(String)} turns back into the
     * strategy: a constant's name ({@code CONCURRENT_HASHMAP}) or a plug-in's fully qualified name.
     */
    String name();

    /** Whether concurrent writers may use this strategy; one that is not runs only at 100 % reads. */
    boolean threadSafe();

    /** Where the map comes from: the JDK, a library, or a team's plug-in. */
    StrategyGroup group();

    /** A new, empty map sized for {@code expectedSize} entries, keyed by {@code Long}. */
    <V> SharedMap<Long, V> create(int expectedSize);

    /**
     * A new, empty map sized for {@code expectedSize} entries, keyed by {@code keyClass} ({@code Long} or
     * {@code String}); refused with the reason when this strategy cannot take such keys.
     */
    @SuppressWarnings("unchecked")
    default <K, V> SharedMap<K, V> create(int expectedSize, Class<K> keyClass) {
        if (keyClass == Long.class) {
            return (SharedMap<K, V>) create(expectedSize);
        }
        throw new IllegalArgumentException(name() + " takes Long keys only, not " + keyClass.getSimpleName());
    }
}
