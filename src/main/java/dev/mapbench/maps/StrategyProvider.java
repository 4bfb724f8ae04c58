package dev.mapbench.maps;

/**
 * The plug-in point for a map that is not simply a {@code ConcurrentMap} with a public no-argument or
 * {@code int} constructor: a team's facade with its own API, or a map that needs a builder. Implement it in
 * a jar or folder on {@code -Dbench.classpath}, list the class in
 * {@code META-INF/services/dev.mapbench.maps.StrategyProvider}, and select it with
 * {@code -Dbench.strategies=<name()>}; {@link java.util.ServiceLoader} finds it, in the runner and in every
 * benchmark fork. The class needs a public no-argument constructor.
 */
public interface StrategyProvider {

    /**
     * The name {@code bench.strategies} selects it by, and that cells and the report show. It must contain a
     * dot, as a fully qualified name does (e.g. {@code org.example.TeamFacade}), so it can never be taken for a
     * {@link MapStrategy} constant.
     */
    String name();

    /**
     * A new, empty map sized for {@code expectedSize} entries. Wrap a {@code ConcurrentMap} in a
     * {@link ConcurrentMapAdapter}, or adapt any other API to the five {@link SharedMap} methods.
     */
    <V> SharedMap<Long, V> create(int expectedSize);
}
