package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadFile;
import dev.mapbench.workload.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a run's workloads are, read from {@code bench.*} properties.
 *
 * <ul>
 *   <li>{@code bench.writes=update|remove-insert} (a comma-separated list measures both side by side): what the
 *       grid's writes are. Default {@code update}: services mostly update present keys, and explicit
 *       remove + insert pairs are what Caffeine's {@code PutRemoveBenchmark} calls unrealistic for comparing maps.</li>
 *   <li>{@code bench.workload=<preset or file>,...} (or {@code none}): the named workloads raced beside the grid.
 *       Defaults: the default effort {@code cache,counters,config} (the questions the grid cannot answer: a
 *       cache's computeIfAbsent, counters' merge, String keys built per request with readers and a writer; YCSB A,
 *       B and C are grid workloads at 10 000 Zipf keys with update writes), full every preset, smoke {@code cache}.</li>
 *   <li>{@code bench.trace=<file>,...}, {@code bench.traceThreads}, {@code bench.traceMaxEvents}: recorded traces
 *       replayed as named workloads ({@link TraceWorkload}, docs/traces.md).</li>
 * </ul>
 *
 * @param writes the grid's writes, in order
 * @param named the named workloads: presets by name, workload files read and checked
 * @param files the workload files among them, by name, where they were read from
 * @param traces the traces replayed ({@code bench.trace}), read and checked
 */
public record WorkloadSettings(List<GridWrites> writes, List<WorkloadSpec> named, Map<String, Path> files,
        List<TraceWorkload> traces) {

    /** The property naming the grid's writes. */
    public static final String WRITES = BenchProperty.WRITES.key();
    /** The property naming the named workloads. */
    public static final String WORKLOAD = BenchProperty.WORKLOAD.key();

    /** Copies the collections. */
    public WorkloadSettings {
        writes = List.copyOf(writes);
        named = List.copyOf(named);
        files = Map.copyOf(files);
        traces = List.copyOf(traces);
    }

    /** Settings without traces. */
    public WorkloadSettings(List<GridWrites> writes, List<WorkloadSpec> named, Map<String, Path> files) {
        this(writes, named, files, List.of());
    }

    /** The effort's defaults, unless the properties say otherwise; a bad value is one clear error. */
    public static WorkloadSettings from(Properties properties, Effort effort) {
        List<GridWrites> writes = new ArrayList<>();
        String writesText = BenchProperty.WRITES.text(properties);
        for (String part : (writesText == null ? "update" : writesText).split(",")) {
            if (!part.isBlank()) {
                try {
                    GridWrites parsed = GridWrites.parse(part);
                    if (!writes.contains(parsed)) {
                        writes.add(parsed);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(WRITES + ": " + e.getMessage());
                }
            }
        }
        if (writes.isEmpty()) {
            throw new IllegalArgumentException(WRITES + ": empty; allowed: update, remove-insert");
        }
        String workloadText = BenchProperty.WORKLOAD.text(properties);
        List<String> names = workloadText == null ? defaults(effort)
                : workloadText.equalsIgnoreCase("none") ? List.of() : List.of(workloadText.split(","));
        List<WorkloadSpec> named = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            WorkloadSpec spec;
            if (Presets.exists(trimmed)) {
                spec = Presets.named(trimmed);
            } else if (trimmed.contains("/") || trimmed.contains(".")) {
                try {
                    spec = WorkloadFile.read(Path.of(trimmed));
                } catch (IOException e) {
                    throw new IllegalArgumentException(trimmed + ": cannot read (" + e.getMessage() + ")");
                }
                files.put(spec.name(), Path.of(trimmed));
            } else {
                throw new IllegalArgumentException(WORKLOAD + ": '" + trimmed + "' is neither a preset ("
                        + String.join(", ", Presets.all().stream().map(WorkloadSpec::name).toList())
                        + ") nor a workload file's path");
            }
            if (named.stream().anyMatch(other -> other.name().equals(spec.name()))) {
                throw new IllegalArgumentException(WORKLOAD + ": two workloads are named '" + spec.name() + "'");
            }
            named.add(spec);
        }
        List<TraceWorkload> traces = new ArrayList<>();
        if (BenchProperty.TRACE.given(properties)) {
            List<Integer> threads = BenchProperty.TRACE_THREADS.given(properties)
                    ? BenchProperty.TRACE_THREADS.get(properties) : List.of();
            long maxEvents = BenchProperty.TRACE_MAX_EVENTS.get(properties, effort);
            for (Path file : BenchProperty.TRACE.get(properties)) {
                TraceWorkload trace = TraceWorkload.read(file, threads, maxEvents);
                if (named.stream().anyMatch(spec -> spec.name().equals(trace.name()))
                        || traces.stream().anyMatch(other -> other.name().equals(trace.name()))) {
                    throw new IllegalArgumentException(BenchProperty.TRACE.key() + ": two workloads are named '"
                            + trace.name() + "'");
                }
                traces.add(trace);
            }
        }
        return new WorkloadSettings(writes, named, files, traces);
    }

    /**
     * Refuses, before anything is measured, a named workload that a selected thread-safe strategy cannot run: an
     * operation it does not implement, or keys it cannot take (a {@code StrategyProvider} plug-in's maps are
     * Long-keyed). A strategy that is not thread-safe runs only the workloads that do not write, and is not asked.
     */
    void checkAgainst(List<dev.mapbench.maps.Strategy> strategies) {
        checkTracesAgainst(strategies);
        for (WorkloadSpec spec : named) {
            Class<?> keys = spec.keyType().strings() ? String.class : Long.class;
            for (dev.mapbench.maps.Strategy strategy : strategies) {
                if (!strategy.threadSafe() && spec.writes()) {
                    continue;
                }
                java.util.Set<dev.mapbench.maps.MapOperation> missing;
                try {
                    missing = java.util.EnumSet.copyOf(spec.operations());
                    missing.removeAll(strategy.create(1, keys).operations());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(WORKLOAD + ": " + spec.name() + " has " + spec.keyType().label()
                            + " keys: " + e.getMessage() + "; drop one of them from bench.workload or bench.strategies");
                }
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(WORKLOAD + ": " + spec.name() + " needs " + missing.stream()
                            .map(dev.mapbench.maps.MapOperation::label).toList() + ", which " + strategy.name()
                            + " does not implement; drop one of them from bench.workload or bench.strategies");
                }
            }
        }
    }

    /** Refuses a trace that a selected thread-safe strategy cannot replay (an operation it does not implement). */
    private void checkTracesAgainst(List<dev.mapbench.maps.Strategy> strategies) {
        for (TraceWorkload trace : traces) {
            for (dev.mapbench.maps.Strategy strategy : strategies) {
                if (!strategy.threadSafe() && !trace.readOnly()) {
                    continue;
                }
                java.util.Set<dev.mapbench.maps.MapOperation> missing = java.util.EnumSet.copyOf(trace.operations());
                try {
                    Class<?> keys = trace.profile().stringKeys() ? String.class : Long.class;
                    missing.removeAll(strategy.create(1, keys).operations());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(BenchProperty.TRACE.key() + ": " + trace.name() + ": "
                            + e.getMessage() + "; drop one of them from bench.trace or bench.strategies");
                }
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(BenchProperty.TRACE.key() + ": " + trace.name() + " needs "
                            + missing.stream().map(dev.mapbench.maps.MapOperation::label).toList() + ", which "
                            + strategy.name() + " does not implement; drop one of them from bench.trace or bench.strategies");
                }
            }
        }
    }

    /** The named workloads an effort races when none are given. */
    static List<String> defaults(Effort effort) {
        return switch (effort) {
            case SMOKE -> List.of("cache");
            case DEFAULT -> List.of("cache", "counters", "config");
            case FULL -> Presets.all().stream().map(WorkloadSpec::name).toList();
        };
    }

    /**
     * The named workloads with the parameter their cells pass: a preset's name, or the path of the workload file's
     * copy in {@code runFolder} ({@code workloads/<name>.yaml}, which {@link #writeCopies} writes).
     */
    List<Matrix.NamedWorkload> inFolder(Path runFolder) {
        return named.stream().map(spec -> new Matrix.NamedWorkload(spec, files.containsKey(spec.name())
                ? copyOf(runFolder, spec).toAbsolutePath().toString() : spec.name())).toList();
    }

    /**
     * The named workloads with the parameter their cells pass when there is no run folder to copy files into (the
     * A/B, whose trees are built elsewhere): a preset's name, or the workload file's own absolute path.
     */
    public List<Matrix.NamedWorkload> asGiven() {
        return named.stream().map(spec -> new Matrix.NamedWorkload(spec, files.containsKey(spec.name())
                ? files.get(spec.name()).toAbsolutePath().toString() : spec.name())).toList();
    }

    /** Writes each workload file's checked copy into the run folder, so the run keeps what it measured. */
    void writeCopies(Path runFolder) throws IOException {
        for (TraceWorkload trace : traces) {
            Path profile = profileOf(runFolder, trace.name());
            Files.createDirectories(profile.getParent());
            AtomicFile.write(profile, dev.mapbench.results.Json.pretty(trace.profile()) + "\n");
        }
        for (WorkloadSpec spec : named) {
            if (files.containsKey(spec.name())) {
                Path copy = copyOf(runFolder, spec);
                Files.createDirectories(copy.getParent());
                AtomicFile.write(copy, WorkloadFile.write(spec));
            }
        }
    }

    /** Where a run folder keeps a replayed trace's profile: {@code traces/<name>.profile.json}. */
    public static Path profileOf(Path runFolder, String traceName) {
        return runFolder.resolve("traces").resolve(traceName + ".profile.json");
    }

    private static Path copyOf(Path runFolder, WorkloadSpec spec) {
        return runFolder.resolve("workloads").resolve(spec.name() + ".yaml");
    }

}
