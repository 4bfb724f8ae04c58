package dev.mapbench.runner;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a run was asked to do, read from {@code bench.*} system properties ({@link BenchProperty}: a property
 * not given takes its declared default).
 *
 * @param resume run folder to continue, or null
 * @param merge shard folders to merge into one run folder; empty unless merging
 * @param resultsRoot where run folders are created ({@code results/runs})
 * @param strategies the strategies to measure: {@link MapStrategy} constants and plug-ins, in run order
 * @param ignoreJmhLock measure even while another JMH run holds the machine-wide lock (pipeline checks on a
 *     shared machine only; env.json records it, and the numbers are not to be trusted)
 * @param plugins {@code bench.classpath}: where the plug-in strategies' classes come from
 */
public record BenchSettings(Effort effort, List<Integer> threads, List<Strategy> strategies, Pattern include,
        Shard shard, String runId, Path resume, List<Path> merge, Path resultsRoot, boolean ignoreJmhLock, int forks,
        PluginClasspath plugins, WorkloadSettings workloads) {

    /** Reads the settings; {@code cores} decides the default thread sweep. */
    public static BenchSettings from(Properties properties, int cores) {
        Effort effort = BenchProperty.EFFORT.get(properties, Effort.DEFAULT);
        List<Integer> threads = BenchProperty.THREADS.given(properties) ? BenchProperty.THREADS.get(properties)
                : effort.threadsFrom(ThreadCounts.sweep(cores), cores);
        Shard shard = BenchProperty.SHARD.get(properties, effort);
        List<Path> merge = BenchProperty.MERGE.given(properties) ? BenchProperty.MERGE.get(properties) : List.of();
        String runId = BenchProperty.RUN_ID_PROPERTY.get(properties);
        if (runId == null) {
            // named by the command's start when Maven passes it, so the name is the one mvn verify -Pbench shows
            Instant now = Instant.now();
            Instant start = BenchProperty.STARTED_AT.given(properties) ? BenchProperty.STARTED_AT.get(properties) : now;
            start = start.isAfter(now) ? now : start;
            runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(start.atZone(ZoneOffset.UTC)) + "-"
                    + (!merge.isEmpty() ? "merged" : effort.label()
                    + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : ""));
        }
        PluginClasspath plugins = BenchProperty.CLASSPATH.given(properties) ? BenchProperty.CLASSPATH.get(properties)
                : PluginClasspath.none();
        List<Strategy> strategies = parseStrategies(BenchProperty.STRATEGIES.get(properties),
                BenchProperty.UNSAFE.get(properties), plugins, effort);
        // a plug-in that cannot be built is one line naming why, before anything else builds it
        strategies.stream().filter(s -> s.group() == StrategyGroup.PLUGIN).forEach(PluginGate::requireBuildable);
        WorkloadSettings workloads = WorkloadSettings.from(properties, effort);
        workloads.checkAgainst(strategies);
        return new BenchSettings(effort, threads, strategies,
                BenchProperty.INCLUDE.get(properties), shard, runId, BenchProperty.RESUME.get(properties), merge,
                BenchProperty.RESULTS.get(properties, effort), BenchProperty.IGNORE_LOCK.get(properties, effort),
                BenchProperty.FORKS.get(properties, effort), plugins, workloads);
    }

    /** The strategies a run without plug-ins measures: {@code text} as given, else every built-in strategy. */
    static List<Strategy> parseStrategies(String text) {
        return parseStrategies(text, Set.of(), PluginClasspath.none(), Effort.FULL);
    }

    /**
     * {@code bench.strategies} and {@code bench.unsafe}. By default every constant (the safe ones plus the
     * unsynchronized ceiling, read-only cells) and every {@code StrategyProvider} on {@code bench.classpath};
     * the default and smoke efforts' default is {@link MapStrategy#mainJob()} instead of every constant: the
     * 15-minute race cannot decide twelve strategies (measured: round 1 alone took 10.5 of the 15 minutes, 1 of
     * 40 workloads decided), so the other constants join it when named or with {@code all}, and the full effort
     * measures them all;
     * named: constants and plug-ins' fully qualified names, resolved now so a typo or a class that is not a
     * {@code ConcurrentMap} stops the run before anything is measured. Constants come in registry order, then
     * plug-ins as listed, so the matrix order does not depend on how the user ordered constants.
     * {@code unsafeText} names plug-ins of this run that are not thread-safe.
     */
    static List<Strategy> parseStrategies(String text, Set<String> unsafeNames, PluginClasspath plugins, Effort effort) {
        Set<String> unsafe = unsafeNames == null ? Set.of() : unsafeNames;
        List<Strategy> strategies = new ArrayList<>();
        if (text == null) {
            strategies.addAll(resolveDefaults(plugins, unsafe).stream()
                    .filter(s -> effort == Effort.FULL || !(s instanceof MapStrategy constant)
                            || MapStrategy.mainJob().contains(constant))
                    .toList());
        } else {
            for (String name : text.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                if (name.trim().equalsIgnoreCase("all")) {
                    strategies.addAll(List.of(MapStrategy.values()));
                    continue;
                }
                Strategy strategy;
                try {
                    strategy = Strategies.resolve(name, plugins.loader(), unsafe);
                } catch (IllegalArgumentException e) {
                    throw BenchProperty.STRATEGIES.error(e.getMessage()
                            + (name.contains(".") ? "; " + BenchProperty.CLASSPATH + " is " + plugins : ""));
                }
                if (!strategies.contains(strategy)) {
                    strategies.add(strategy);
                }
            }
        }
        for (String name : unsafe) {
            boolean selectedPlugin = strategies.stream()
                    .anyMatch(s -> s.group() == StrategyGroup.PLUGIN && s.name().equals(name));
            if (!selectedPlugin) {
                throw BenchProperty.UNSAFE.error("'" + name + "' is not a plug-in of this run"
                        + (name.contains(".") ? " (name it in " + BenchProperty.STRATEGIES + ")"
                        : "; only plug-ins can be marked unsafe, the built-in strategies say whether they are thread-safe"));
            }
        }
        List<Strategy> ordered = new ArrayList<>(Arrays.stream(MapStrategy.values()).filter(strategies::contains).toList());
        strategies.stream().filter(s -> !(s instanceof MapStrategy)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static List<Strategy> resolveDefaults(PluginClasspath plugins, Set<String> unsafe) {
        try {
            return Strategies.defaults(plugins.loader(), unsafe);
        } catch (IllegalArgumentException e) {
            throw BenchProperty.CLASSPATH.error(e.getMessage());
        }
    }

    /** Forks and iterations of a workload cell: the effort's, with {@code bench.forks} applied. */
    public CellTiming matrixTiming() {
        return effort.timing().withForks(forks);
    }

    /** Forks and iterations of one matrix cell: its benchmark's warm-up, with {@code bench.forks} applied. */
    public CellTiming timingOf(Cell cell) {
        return cell.isCalibration() ? effort.calibrationTiming().withForks(forks) : matrixTiming();
    }

    /** The run folder these settings write: the resumed one, else {@code results root / run id}. */
    public Path runFolder() {
        return resume != null ? resume : resultsRoot.resolve(runId);
    }

    /** The ordered matrix (after selection, before sharding) these settings describe. */
    public List<Cell> matrix() {
        return Matrix.select(unselectedMatrix(), include);
    }

    /** The ordered matrix before {@code bench.include}: what the extra cells that follow it are planned from. */
    List<Cell> unselectedMatrix() {
        return Matrix.build(effort.sizes(), effort.distributions(), threads, strategies, workloads.writes(),
                workloads.inFolder(runFolder()), workloads.traces());
    }
}
