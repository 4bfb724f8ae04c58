package dev.mapbench.runner;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a run was asked to do, read from {@code bench.*} system properties. Blank values count as unset,
 * so Maven can pass every property through whether or not the user gave it.
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
        Effort effort = Effort.parse(value(properties, "bench.effort"));
        String threadText = value(properties, "bench.threads");
        List<Integer> threads = threadText == null
                ? effort.threadsFrom(ThreadCounts.sweep(cores), cores)
                : ThreadCounts.parse(threadText);
        Shard shard = Shard.parse(value(properties, "bench.shard"));
        String merge = value(properties, "bench.merge");
        String runId = value(properties, "bench.runId");
        if (runId == null) {
            runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
                    + (merge != null ? "merged" : effort.label()
                    + (shard.count() > 1 ? "-shard" + shard.index() + "of" + shard.count() : ""));
        } else if (!runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("bench.runId: '" + runId + "' may hold only letters, digits, '.', '_', '-'");
        }
        String resume = value(properties, "bench.resume");
        String results = value(properties, "bench.results");
        PluginClasspath plugins = PluginClasspath.parse(value(properties, PluginClasspath.PROPERTY));
        List<Strategy> strategies = parseStrategies(value(properties, "bench.strategies"),
                value(properties, Strategies.UNSAFE_PROPERTY), plugins, effort);
        WorkloadSettings workloads = WorkloadSettings.from(properties, effort);
        workloads.checkAgainst(strategies);
        return new BenchSettings(effort, threads, strategies,
                parseInclude(value(properties, "bench.include")), shard, runId,
                resume == null ? null : Path.of(resume),
                merge == null ? List.of() : Arrays.stream(merge.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).map(Path::of).toList(),
                Path.of(results == null ? "results/runs" : results),
                Boolean.parseBoolean(value(properties, "bench.ignoreLock")),
                parseForks(value(properties, "bench.forks"), effort), plugins, workloads);
    }

    /** The strategies a run without plug-ins measures: {@code text} as given, else every built-in strategy. */
    static List<Strategy> parseStrategies(String text) {
        return parseStrategies(text, null, PluginClasspath.none(), Effort.FULL);
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
    static List<Strategy> parseStrategies(String text, String unsafeText, PluginClasspath plugins, Effort effort) {
        Set<String> unsafe = Strategies.unsafeNames(unsafeText);
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
                    throw new IllegalArgumentException("bench.strategies: " + e.getMessage()
                            + (name.contains(".") ? "; bench.classpath is " + plugins : ""));
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
                throw new IllegalArgumentException("bench.unsafe: '" + name + "' is not a plug-in of this run"
                        + (name.contains(".") ? " (name it in bench.strategies)"
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
            throw new IllegalArgumentException("bench.classpath: " + e.getMessage());
        }
    }

    /** {@code bench.forks}: more (or fewer) forks than the effort's, e.g. for cells whose forks are bimodal. */
    static int parseForks(String text, Effort effort) {
        if (text == null) {
            return effort.forks();
        }
        try {
            int forks = Integer.parseInt(text);
            if (forks >= 1) {
                return forks;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bench.forks: '" + text + "' is not a whole number of forks >= 1");
    }

    /** Forks and iterations of a workload cell: the effort's, with {@code bench.forks} applied. */
    public CellTiming matrixTiming() {
        return effort.timing().withForks(forks);
    }

    /** Forks and iterations of one matrix cell: its benchmark's warm-up, with {@code bench.forks} applied. */
    public CellTiming timingOf(Cell cell) {
        return cell.isCalibration() ? effort.calibrationTiming().withForks(forks) : matrixTiming();
    }

    static Pattern parseInclude(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bench.include: '" + text + "' is not a valid regex: "
                    + e.getDescription());
        }
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The run folder these settings write: the resumed one, else {@code results root / run id}. */
    public Path runFolder() {
        return resume != null ? resume : resultsRoot.resolve(runId);
    }

    /** The ordered matrix (after selection, before sharding) these settings describe. */
    public List<Cell> matrix() {
        return Matrix.select(Matrix.build(effort.sizes(), effort.distributions(), threads, strategies, workloads.writes(),
                workloads.inFolder(runFolder())), include);
    }
}
