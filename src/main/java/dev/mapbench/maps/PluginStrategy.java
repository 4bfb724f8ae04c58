package dev.mapbench.maps;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;

/**
 * A team's strategy from {@code bench.classpath}: a {@link ConcurrentMap} class built through its public
 * {@code int}-capacity constructor (else its no-argument one), or a {@link StrategyProvider}. Not thread-safe
 * only when the user marked it so ({@code -Dbench.unsafe}); then it runs at 100 % reads only.
 *
 * <p>Equal when name and thread safety are, so a resumed run can compare its strategies with the recorded ones.
 */
public final class PluginStrategy implements Strategy {

    /** Builds one map; the plug-in's own construction, done in setup, never in a timed method. */
    @FunctionalInterface
    private interface Factory {
        SharedMap<?, ?> create(int expectedSize);
    }

    private final String name;
    private final boolean threadSafe;
    /** Whether the map takes any key ({@code ConcurrentMap} classes are generic; a provider's map takes Long). */
    private final boolean anyKeys;
    private final Factory factory;

    private PluginStrategy(String name, boolean threadSafe, boolean anyKeys, Factory factory) {
        this.name = name;
        this.threadSafe = threadSafe;
        this.anyKeys = anyKeys;
        this.factory = factory;
    }

    /**
     * The strategy of a {@link ConcurrentMap} class; refused (with the reason) when the class is not a public,
     * concrete {@code ConcurrentMap} with a public {@code int} or no-argument constructor.
     */
    static PluginStrategy ofMapClass(Class<?> type, boolean threadSafe) {
        String name = type.getName();
        if (!ConcurrentMap.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(name + " does not implement java.util.concurrent.ConcurrentMap (a plug-in is "
                    + "a ConcurrentMap with a public no-argument or int constructor, or a " + StrategyProvider.class.getName()
                    + " listed in META-INF/services)");
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(name + " must be a public, non-abstract class");
        }
        Constructor<?> sized = constructor(type, int.class);
        Constructor<?> plain = constructor(type);
        if (sized == null && plain == null) {
            throw new IllegalArgumentException(name + " has neither a public (int) nor a public no-argument constructor");
        }
        return new PluginStrategy(name, threadSafe, true, expectedSize -> new ConcurrentMapAdapter<>(
                (ConcurrentMap<Object, Object>) instantiate(sized != null ? sized : plain, sized != null, expectedSize)));
    }

    /** The strategy a provider offers, under its {@link StrategyProvider#name()}. */
    static PluginStrategy ofProvider(StrategyProvider provider, boolean threadSafe) {
        return new PluginStrategy(provider.name(), threadSafe, false, provider::create);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean threadSafe() {
        return threadSafe;
    }

    @Override
    public StrategyGroup group() {
        return StrategyGroup.PLUGIN;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> SharedMap<Long, V> create(int expectedSize) {
        SharedMap<Long, V> map = (SharedMap<Long, V>) factory.create(expectedSize);
        if (map == null) {
            throw new IllegalStateException(name + " created no map (null)");
        }
        return map;
    }

    /** A {@code ConcurrentMap} class takes any key; a provider's map is a {@code SharedMap<Long, V>}. */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> SharedMap<K, V> create(int expectedSize, Class<K> keyClass) {
        if (keyClass == Long.class || anyKeys) {
            SharedMap<K, V> map = (SharedMap<K, V>) factory.create(expectedSize);
            if (map == null) {
                throw new IllegalStateException(name + " created no map (null)");
            }
            return map;
        }
        throw new IllegalArgumentException(name + " is a " + StrategyProvider.class.getSimpleName() + " of Long-keyed maps; "
                + "it cannot take " + keyClass.getSimpleName() + " keys");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginStrategy plugin && plugin.name.equals(name) && plugin.threadSafe == threadSafe;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, threadSafe);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            Constructor<?> constructor = type.getConstructor(parameters);
            return Modifier.isPublic(constructor.getModifiers()) ? constructor : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object instantiate(Constructor<?> constructor, boolean sized, int expectedSize) {
        try {
            return sized ? constructor.newInstance(expectedSize) : constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(constructor.getDeclaringClass().getName() + "'s constructor threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass().getName() + ": " + e, e);
        }
    }
}
