package dev.mapbench.maps;

import java.util.Locale;

/** Where a strategy's map comes from, as the report groups strategies. */
public enum StrategyGroup {
    /** Built from the JDK's own classes (collections, locks, atomics). */
    JDK,
    /** A map from a library on Maven Central (Caffeine, JCTools, Vavr), declared in the pom. */
    LIBRARY,
    /** A team's own class, added with {@code -Dbench.classpath} and named in {@code -Dbench.strategies}. */
    PLUGIN;

    /** The lower-case label env.json and the report use: {@code jdk}, {@code library}, {@code plugin}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
