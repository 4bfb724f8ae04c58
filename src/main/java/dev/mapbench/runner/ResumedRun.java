package dev.mapbench.runner;

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
        recorded.setProperty(BenchProperty.EFFORT.key(), env.effort());
        recorded.setProperty(BenchProperty.THREADS.key(), joined(env.threads()));
        recorded.setProperty(BenchProperty.SHARD.key(), env.shard() == null ? "" : env.shard());
        recorded.setProperty(BenchProperty.STRATEGIES.key(), joined(env.strategies()));
        recorded.setProperty(BenchProperty.CLASSPATH.key(), env.pluginClasspath() == null ? ""
                : String.join(File.pathSeparator, env.pluginClasspath()));
        recorded.setProperty(BenchProperty.UNSAFE.key(), joined(env.unsafePlugins()));
        recorded.setProperty(BenchProperty.INCLUDE.key(), env.include() == null ? "" : env.include());
        if (env.forks() != null) {
            recorded.setProperty(BenchProperty.FORKS.key(), env.forks().toString());
        }
        if (env.writes() != null) {
            recorded.setProperty(BenchProperty.WRITES.key(), joined(env.writes()));
        }
        if (env.workloads() != null) {
            List<String> workloads = new java.util.ArrayList<>();
            for (String workload : env.workloads()) {
                Path copy = given.resume().resolve("workloads").resolve(workload + ".yaml");
                workloads.add(Files.isRegularFile(copy) ? copy.toString() : workload);
            }
            recorded.setProperty(BenchProperty.WORKLOAD.key(), workloads.isEmpty() ? "none" : String.join(",", workloads));
        }
        recorded.setProperty(BenchProperty.RUN_ID_PROPERTY.key(), given.resume().getFileName().toString());
        recorded.setProperty(BenchProperty.RESUME.key(), given.resume().toString());
        if (given.ignoreJmhLock()) {
            recorded.setProperty(BenchProperty.IGNORE_LOCK.key(), "true");
        }
        BenchSettings resumed = BenchSettings.from(recorded, cores);
        Path folder = given.resume();
        requireSame(properties, BenchProperty.EFFORT, given.effort(), resumed.effort(), folder);
        requireSame(properties, BenchProperty.THREADS, given.threads(), resumed.threads(), folder);
        requireSame(properties, BenchProperty.SHARD, given.shard(), resumed.shard(), folder);
        requireSame(properties, BenchProperty.STRATEGIES, given.strategies(), resumed.strategies(), folder);
        requireSame(properties, BenchProperty.INCLUDE, pattern(given), pattern(resumed), folder);
        requireSame(properties, BenchProperty.FORKS, given.forks(), resumed.forks(), folder);
        requireSame(properties, BenchProperty.CLASSPATH, given.plugins(), resumed.plugins(), folder);
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

    private static void requireSame(Properties properties, BenchProperty<?> property, Object given, Object recorded,
            Path folder) {
        if (property.given(properties) && !Objects.equals(given, recorded)) {
            throw property.error(folder + " was run with " + recorded + ", not " + given + "; drop " + property
                    + " to resume it");
        }
    }

    private static String pattern(BenchSettings settings) {
        return settings.include() == null ? null : settings.include().pattern();
    }

    private static String joined(List<?> values) {
        return values == null ? "" : String.join(",", values.stream().map(Object::toString).toList());
    }
}
