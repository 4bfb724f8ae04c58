package dev.mapbench.results;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The machine and settings a run was measured with: a run folder's {@code env.json} as read by
 * {@link EnvJsonFile}, with where it came from and its fields flattened for display. Every field is optional in
 * the file; missing ones are empty here.
 *
 * @param source the env.json file
 * @param env its typed content
 * @param properties every scalar of env.json flattened to dotted keys ({@code jvm.version}, {@code os.arch},
 *     {@code jvmArgs}) in file order, for display
 */
public record RunEnvironment(Path source, EnvJson env, Map<String, String> properties) {

    /** Copies the map. */
    public RunEnvironment {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The run's id, or empty. */
    public String runId() {
        return env.run().runId() == null ? "" : env.run().runId();
    }

    /** {@code availableProcessors} of the measuring machine, if recorded. */
    public OptionalInt cores() {
        return optional(env.machine().cores());
    }

    /** The effort level the runner used (e.g. {@code smoke}, {@code full}), or empty. */
    public String effort() {
        return env.plan().effort() == null ? "" : env.plan().effort();
    }

    /** Forks per cell, if recorded. */
    public OptionalInt forks() {
        return optional(env.plan().forks());
    }

    /** Warm-up iterations per fork, if recorded. */
    public OptionalInt warmupIterations() {
        return optional(env.plan().warmupIterations());
    }

    /** Measured iterations per fork, if recorded. */
    public OptionalInt measurementIterations() {
        return optional(env.plan().measurementIterations());
    }

    /** The thread counts of the matrix (empty if not recorded). */
    public List<Integer> threads() {
        return env.plan().threads() == null ? List.of() : env.plan().threads();
    }

    /** A flattened property, e.g. {@code property("jvm.version")}. */
    public Optional<String> property(String dottedKey) {
        return Optional.ofNullable(properties.get(dottedKey));
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
