package dev.mapbench.runner;

import dev.mapbench.maps.DeliberatelySlowedMap;
import java.util.List;
import java.util.Locale;

/**
 * A slow mode planted in one fork, to show that one fork in a rare slow mode cannot decide a verdict:
 * {@code MAPBENCH_SLOW_FORK=<cell id>:<fork>:<factor>} (e.g. {@code CONCURRENT_HASHMAP-r95-s10000-UNIFORM-t2:1:9})
 * runs that fork of that cell with its strategy's every operation repeated to cost about {@code factor} of them
 * ({@link DeliberatelySlowedMap}, {@code STRATEGY:xN}). env.json records it, so such a run never passes for a
 * normal one.
 *
 * @param cellId the cell
 * @param fork the fork number (1-based)
 * @param factor how many times slower
 */
record PlantedSlowFork(String cellId, int fork, int factor) {

    /** The environment variable that plants it. */
    static final String ENVIRONMENT_VARIABLE = "MAPBENCH_SLOW_FORK";

    /** The planted fork the environment asks for, or null. */
    static PlantedSlowFork fromEnvironment() {
        return parse(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** Parses {@code <cell id>:<fork>:<factor>}; null for blank; one clear error otherwise. */
    static PlantedSlowFork parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split(":");
        try {
            if (parts.length == 3) {
                int fork = Integer.parseInt(parts[1]);
                int factor = Integer.parseInt(parts[2]);
                if (fork >= 1 && factor >= 2) {
                    return new PlantedSlowFork(parts[0], fork, factor);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": '" + text + "' is not <cell id>:<fork >= 1>:<factor >= 2>");
    }

    /** The JVM arguments of this fork of {@code cell}: the slowdown when it is the planted one, else none. */
    List<String> jvmArgs(Cell cell, int forkNumber) {
        if (!cell.id().equals(cellId) || forkNumber != fork || cell.strategy() == null) {
            return List.of();
        }
        return List.of("-D" + DeliberatelySlowedMap.PROPERTY + "=" + cell.strategy().name() + ":x" + factor);
    }

    /** For env.json and the console. */
    String describe() {
        return String.format(Locale.ROOT, "fork %d of %s runs %d× slower (planted)", fork, cellId, factor);
    }
}
