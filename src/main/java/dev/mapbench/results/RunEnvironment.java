package dev.mapbench.results;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The machine and settings a run was measured with, read from the run folder's {@code env.json}
 * (contract 1). Every field is optional in the file; missing ones are empty here.
 *
 * @param source the env.json file
 * @param runId the run's id, or empty
 * @param cores {@code availableProcessors} of the measuring machine, if recorded
 * @param effort the effort level the runner used (e.g. {@code quick}, {@code full}), or empty
 * @param forks forks per cell, if recorded
 * @param warmupIterations warmup iterations per fork, if recorded
 * @param measurementIterations measurement iterations per fork, if recorded
 * @param threads the thread counts of the matrix
 * @param properties every scalar of env.json flattened to dotted keys ({@code jvm.version}, {@code
 *     os.arch}, {@code jvmArgs}) in file order, for display
 */
public record RunEnvironment(
        Path source,
        String runId,
        OptionalInt cores,
        String effort,
        OptionalInt forks,
        OptionalInt warmupIterations,
        OptionalInt measurementIterations,
        List<Integer> threads,
        Map<String, String> properties) {

    /** Copies the collections. */
    public RunEnvironment {
        threads = List.copyOf(threads);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A flattened property, e.g. {@code property("jvm.version")}. */
    public Optional<String> property(String dottedKey) {
        return Optional.ofNullable(properties.get(dottedKey));
    }
}
