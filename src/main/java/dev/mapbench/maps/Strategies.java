package dev.mapbench.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Turns a strategy's name back into the strategy: in the runner (which loads plug-ins through a class
 * loader over {@code bench.classpath}) and in every benchmark fork (whose class path the runner extended),
 * where a JMH {@code @Param} can carry only a string.
 *
 * <p>A name without a dot is a {@link MapStrategy} constant. A name with one is a plug-in: first a
 * {@link StrategyProvider} found by {@link ServiceLoader} whose {@code name()} it is, else a class of that name
 * that implements {@link java.util.concurrent.ConcurrentMap} ({@link PluginStrategy#ofMapClass}). A plug-in
 * is thread-safe unless it is named in {@value #UNSAFE_PROPERTY}; the runner passes that property to the
 * forks that run one.
 */
public final class Strategies {

    /** Plug-ins the user marked unsafe: comma-separated names; they run at 100 % reads only, unchecked. */
    public static final String UNSAFE_PROPERTY = "bench.unsafe";

    private Strategies() {
    }

    /** Resolves {@code name} in this JVM: its own class path, and {@value #UNSAFE_PROPERTY} from its properties. */
    public static Strategy resolve(String name) {
        return resolve(name, Strategies.class.getClassLoader(), unsafeNames(System.getProperty(UNSAFE_PROPERTY)));
    }

    /**
     * Resolves {@code name}, loading plug-ins through {@code loader}; a plug-in in {@code unsafe} is not
     * thread-safe. Throws {@link IllegalArgumentException} saying why a name does not resolve.
     */
    public static Strategy resolve(String name, ClassLoader loader, Set<String> unsafe) {
        String trimmed = name == null ? "" : name.trim();
        if (!trimmed.contains(".")) {
            try {
                return MapStrategy.valueOf(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + trimmed + "' is not one of " + Arrays.toString(MapStrategy.values())
                        + ", nor a plug-in's fully qualified name");
            }
        }
        boolean threadSafe = !unsafe.contains(trimmed);
        StrategyProvider provider = providers(loader).get(trimmed);
        if (provider != null) {
            return PluginStrategy.ofProvider(provider, threadSafe);
        }
        Class<?> type;
        try {
            type = Class.forName(trimmed, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("'" + trimmed + "': no such class on the class path, and no "
                    + StrategyProvider.class.getSimpleName() + " of that name (" + e + ")");
        }
        return PluginStrategy.ofMapClass(type, threadSafe);
    }

    /**
     * The strategies a run takes when none are named: every constant, then every provider {@code loader}'s
     * {@link ServiceLoader} finds (a plain {@code ConcurrentMap} class is run only when named).
     */
    public static List<Strategy> defaults(ClassLoader loader, Set<String> unsafe) {
        List<Strategy> strategies = new ArrayList<>(Arrays.asList(MapStrategy.values()));
        providers(loader).values().forEach(provider -> strategies.add(
                PluginStrategy.ofProvider(provider, !unsafe.contains(provider.name()))));
        return strategies;
    }

    /** The providers {@code loader} finds, by name; a provider that cannot load, or a bad or repeated name, is refused. */
    public static Map<String, StrategyProvider> providers(ClassLoader loader) {
        Map<String, StrategyProvider> byName = new LinkedHashMap<>();
        try {
            for (StrategyProvider provider : ServiceLoader.load(StrategyProvider.class, loader)) {
                String name = provider.name();
                if (name == null || !name.contains(".") || !name.equals(name.trim()) || name.contains(",")) {
                    throw new IllegalArgumentException(provider.getClass().getName() + ".name() is '" + name
                            + "': a provider's name must be a qualified name such as org.example.TeamFacade");
                }
                StrategyProvider earlier = byName.putIfAbsent(name, provider);
                if (earlier != null) {
                    throw new IllegalArgumentException("two providers are named '" + name + "': "
                            + earlier.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a " + StrategyProvider.class.getSimpleName() + " failed to load: "
                    + e.getMessage());
        }
        return byName;
    }

    /** The names in a comma-separated {@value #UNSAFE_PROPERTY} value (blank or null: none). */
    public static Set<String> unsafeNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
