package dev.mapbench.runner;

import dev.mapbench.maps.Strategies;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Continuing a run folder ({@code -Dbench.resume=<folder>}): the run's own settings are read back from
 * its env.json, so the matrix and its order are the same, and the cells already in {@code cells/} are
 * skipped. A setting given again must match the recorded one.
 */
final class ResumedRun {

    private ResumedRun() {
    }

    /** {@code given} unchanged when not resuming, else the recorded settings of the folder being resumed. */
    static BenchSettings settingsFor(BenchSettings given, Properties properties, int cores) throws IOException {
        if (given.resume() == null) {
            return given;
        }
        EnvJson.Plan env = readEnv(given.resume()).plan();
        Properties recorded = new Properties();
        recorded.setProperty("bench.effort", env.effort());
        recorded.setProperty("bench.threads", joined(env.threads()));
        recorded.setProperty("bench.shard", env.shard() == null ? "" : env.shard());
        recorded.setProperty("bench.strategies", joined(env.strategies()));
        recorded.setProperty(PluginClasspath.PROPERTY, env.pluginClasspath() == null ? ""
                : String.join(File.pathSeparator, env.pluginClasspath()));
        recorded.setProperty(Strategies.UNSAFE_PROPERTY, joined(env.unsafePlugins()));
        recorded.setProperty("bench.include", env.include() == null ? "" : env.include());
        if (env.forks() != null) {
            recorded.setProperty("bench.forks", env.forks().toString());
        }
        recorded.setProperty("bench.runId", given.resume().getFileName().toString());
        recorded.setProperty("bench.resume", given.resume().toString());
        if (given.ignoreJmhLock()) {
            recorded.setProperty("bench.ignoreLock", "true");
        }
        BenchSettings resumed = BenchSettings.from(recorded, cores);
        requireSame(properties, "bench.effort", given.effort(), resumed.effort(), given.resume());
        requireSame(properties, "bench.threads", given.threads(), resumed.threads(), given.resume());
        requireSame(properties, "bench.shard", given.shard(), resumed.shard(), given.resume());
        requireSame(properties, "bench.strategies", given.strategies(), resumed.strategies(), given.resume());
        requireSame(properties, "bench.include", pattern(given), pattern(resumed), given.resume());
        requireSame(properties, "bench.forks", given.forks(), resumed.forks(), given.resume());
        requireSame(properties, PluginClasspath.PROPERTY, given.plugins(), resumed.plugins(), given.resume());
        return resumed;
    }

    /**
     * The properties the race settings are read from: as given, or, when resuming, with the resumed run's
     * recorded design, budget, margin, fork cap and seed where not given again.
     */
    static Properties raceProperties(BenchSettings settings, Properties given) {
        if (settings.resume() == null) {
            return given;
        }
        return RaceSettings.withRecorded(given, readEnv(settings.resume()).race());
    }

    /** When the folder's run first started, if it has an env.json that says. */
    static Optional<Instant> startedAt(RunFolder folder) {
        Path env = folder.file(RunFolder.ENV);
        if (!Files.isRegularFile(env)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(EnvJsonFile.read(env).run().startedAt());
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static EnvJson readEnv(Path folder) {
        Path env = folder.resolve(RunFolder.ENV);
        if (!Files.isRegularFile(env)) {
            throw new IllegalArgumentException(env + ": not found; bench.resume needs a run folder");
        }
        EnvJson read;
        try {
            read = EnvJsonFile.read(env);
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (read.plan().effort() == null || read.plan().threads() == null) {
            throw new IllegalArgumentException(env + ": has no effort/threads; not a mapbench env.json");
        }
        return read;
    }

    private static void requireSame(Properties properties, String key, Object given, Object recorded, Path folder) {
        String value = properties.getProperty(key);
        if (value != null && !value.isBlank() && !Objects.equals(given, recorded)) {
            throw new IllegalArgumentException(key + ": " + folder + " was run with " + recorded + ", not " + given
                    + "; drop " + key + " to resume it");
        }
    }

    private static String pattern(BenchSettings settings) {
        return settings.include() == null ? null : settings.include().pattern();
    }

    private static String joined(List<?> values) {
        return values == null ? "" : String.join(",", values.stream().map(Object::toString).toList());
    }
}
