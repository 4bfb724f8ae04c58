package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Every {@code -Dbench.*} property of a run, declared once: its name, what it does, its default (per effort where
 * the effort decides it) and how its value is checked. The settings read their values through here, so a bad
 * value is one line naming the property ({@code bench.forks: 'six' is not a whole number of forks >= 1}); the
 * bench profile of the pom passes exactly these properties ({@code BenchPropertyTest} checks it), and
 * docs/properties.md's table is {@link #markdownTable()} ({@code scripts/bench --properties docs/properties.md}
 * rewrites it).
 *
 * <p>A property counts as not given when it is absent, blank, or an unresolved Maven expression such as
 * {@code ${bench.threads}}: the pom passes every property on the runner's command line, given or not.
 *
 * @param <T> the type of the property's checked value
 */
public final class BenchProperty<T> {

    /** What every property's name starts with. */
    public static final String PREFIX = "bench.";

    private static final List<BenchProperty<?>> DECLARED = new ArrayList<>();
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]+");
    /** The core count the generated documentation shows per-effort thread defaults for. */
    private static final int DOCUMENTED_CORES = 2;

    /** The matrix, its timing and its design. */
    public static final BenchProperty<Effort> EFFORT = declare("effort",
            "the matrix, its timing and its design: `smoke`, `default` or `full`",
            Effort::parse, Default.fixed(Effort.DEFAULT, Effort::label));
    /** The thread counts to sweep. */
    public static final BenchProperty<List<Integer>> THREADS = declare("threads",
            "thread counts to sweep, e.g. `1,2,8`; the effort's are taken from 1, 2, 4 … 2 × cores",
            ThreadCounts::parse, Default.text("on " + DOCUMENTED_CORES + " cores: " + perEffortText(effort -> "`"
                    + effort.threadsFrom(ThreadCounts.sweep(DOCUMENTED_CORES), DOCUMENTED_CORES).stream()
                            .map(String::valueOf).collect(Collectors.joining(",")) + "`")));
    /** The strategies to measure. */
    public static final BenchProperty<String> STRATEGIES = declare("strategies",
            "strategies to measure, e.g. `CONCURRENT_HASHMAP,COPY_ON_WRITE` or `all`; a plug-in by its fully "
                    + "qualified name; calibration cells are always kept",
            text -> text, Default.described(effort -> effort == Effort.FULL ? "all " + MapStrategy.values().length
                    : "the main job's " + MapStrategy.mainJob().size()));
    /** The plug-in strategies' classes. */
    public static final BenchProperty<PluginClasspath> CLASSPATH = declare("classpath",
            "jars or folders (`:`-separated, `;` on Windows) with plug-in classes, added to the runner and every fork",
            PluginClasspath::parse, Default.none());
    /** Plug-ins that are not thread-safe. */
    public static final BenchProperty<Set<String>> UNSAFE = declare(Strategies.UNSAFE_PROPERTY,
            "plug-ins (comma-separated) that are not thread-safe: not checked, run at 100 % reads only",
            Strategies::unsafeNames, Default.none());
    /** Which cells run. */
    public static final BenchProperty<Pattern> INCLUDE = declare("include",
            "regex searched in the cell id, e.g. `^COPY_ON_WRITE-r(95|0)-s10000` (anchor it: unanchored, it also "
                    + "matches `PERSISTENT_COPY_ON_WRITE`)", BenchProperty::regex,
            Default.text("every cell"));
    /** The shard of the matrix. */
    public static final BenchProperty<Shard> SHARD = declare("shard",
            "shard `i/n` of the matrix: workload w goes to shard w mod n, calibration cells to every shard",
            Shard::parse, Default.fixed(Shard.ALL, shard -> shard.index() + "/" + shard.count()));
    /** A run folder to continue. */
    public static final BenchProperty<Path> RESUME = declare("resume",
            "run folder to continue: its settings come from its env.json, its finished forks are kept",
            Path::of, Default.none());
    /** Shard folders to merge. */
    public static final BenchProperty<List<Path>> MERGE = declare("merge",
            "comma-separated shard folders to merge into one run folder", BenchProperty::paths, Default.none());
    /** The run folder's name. */
    public static final BenchProperty<String> RUN_ID_PROPERTY = declare("runId",
            "the run folder's name under `bench.results`: letters, digits, `.`, `_`, `-`", BenchProperty::runId,
            Default.text("UTC start + effort, e.g. `20261201-095830-default`"));
    /** Where run folders are created. */
    public static final BenchProperty<Path> RESULTS = declare("results", "the folder of run folders", Path::of,
            Default.fixed(Path.of("results", "runs"), path -> path.toString().replace('\\', '/')));
    /** Measure while another JMH run holds the lock. */
    public static final BenchProperty<Boolean> IGNORE_LOCK = declare("ignoreLock",
            "measure even if another JMH run holds the lock (pipeline checks only; recorded in env.json)",
            Boolean::parseBoolean, Default.fixed(false, String::valueOf));
    /** The grid's writes. */
    public static final BenchProperty<String> WRITES = declare("writes",
            "the grid's writes: `update` (a put over a present key) or `remove-insert`; both, comma-separated, are "
                    + "measured side by side", text -> text, Default.fixed("update", text -> text));
    /** The named workloads raced beside the grid. */
    public static final BenchProperty<String> WORKLOAD = declare("workload",
            "named workloads raced beside the grid: presets (`scripts/workload list`) and workload files (YAML or "
                    + "JSON), comma-separated, or `none`", text -> text,
            Default.perEffort(effort -> String.join(",", WorkloadSettings.defaults(effort)), text -> "`" + text + "`"));
    /** Traces replayed beside the grid. */
    public static final BenchProperty<List<Path>> TRACE = declare("trace",
            "trace files (`docs/traces.md`: recorded by `dev.mapbench.recorder`, or `scripts/trace import`), "
                    + "comma-separated, each replayed as one more named workload, `W.trace-<file name>`",
            BenchProperty::paths, Default.none());
    /** Threads a trace is replayed at. */
    public static final BenchProperty<List<Integer>> TRACE_THREADS = declare("traceThreads",
            "thread counts a trace is replayed at, e.g. `1,2`: fewer than recorded interleave several recorded threads "
                    + "in one, more replay copies of them from staggered starts (`docs/traces.md`)",
            ThreadCounts::parse, Default.text("the threads the trace recorded"));
    /** The sampling bound of a replayed trace. */
    public static final BenchProperty<Long> TRACE_MAX_EVENTS = declare("traceMaxEvents",
            "a trace of more events is sampled by key to about this many (every event of a kept key, in order)",
            BenchProperty::positiveLong, Default.fixed(dev.mapbench.trace.TraceReplay.DEFAULT_MAX_EVENTS, String::valueOf));
    /** Latency cells. */
    public static final BenchProperty<Boolean> LATENCY = declare("latency", "latency cells (`MapLatencyBenchmark`)",
            BenchProperty::bool, Default.perEffort(effort -> effort != Effort.SMOKE, String::valueOf));
    /** The GC sweep. */
    public static final BenchProperty<List<GarbageCollector>> GCS = declare("gcs",
            "GC sweep of the allocation-heavy strategies: collectors, e.g. `G1,Parallel,Z`, or `none`",
            BenchProperty::collectors, Default.perEffort(effort -> effort == Effort.FULL
                    ? List.of(GarbageCollector.values()) : List.of(), BenchProperty::collectorsText));
    /** Churn figures of the GC sweep. */
    public static final BenchProperty<Boolean> GC_CHURN = declare("gcChurn",
            "`-prof gc:churn=true` figures on the GC-sweep cells", BenchProperty::bool,
            Default.fixed(false, String::valueOf));
    /** Flame graphs. */
    public static final BenchProperty<Boolean> PROFILE = declare("profile",
            "`async`: CPU and allocation flame graphs of every cell; `off`", BenchProperty::profile,
            Default.fixed(false, on -> on ? "async" : "off"));
    /** Iteration cells. */
    public static final BenchProperty<Boolean> ITERATION = declare("iteration",
            "iteration cells (`MapIterationBenchmark`; smoke runs one)", BenchProperty::bool,
            Default.fixed(true, String::valueOf));
    /** Forks per cell of a fixed design. */
    public static final BenchProperty<Integer> FORKS = declare("forks",
            "forks per cell of a fixed design, e.g. `16` for a ratio between two bimodal cells",
            BenchProperty::forks, Default.perEffort(Effort::forks, String::valueOf));
    /** Racing or the same forks for every cell. */
    public static final BenchProperty<String> DESIGN = declare("design",
            "`race` (one fork of every cell, then forks where a verdict is open) or `fixed` (the same forks for "
                    + "every cell)", BenchProperty::design,
            Default.perEffort(effort -> effort == Effort.DEFAULT ? "race" : "fixed", design -> design));
    /** Wall time of the whole command. */
    public static final BenchProperty<Duration> BUDGET = declare("budget",
            "wall time of the whole command, e.g. `900s`, `30m`, `1h30m`, or `none`", RaceSettings::parseBudget,
            Default.text(RaceSettings.DEFAULT_BUDGET.toMinutes() + "m when racing, none for a fixed design"));
    /** The verdicts' equivalence margin. */
    public static final BenchProperty<Double> MARGIN = declare("margin",
            "equivalence margin of the verdicts, in percent (recorded in env.json; the report uses it)",
            BenchProperty::percent, Default.fixed(100 * dev.mapbench.stats.VerdictSettings.defaults().margin(),
                    percent -> percent == Math.rint(percent) ? Long.toString(Math.round(percent)) : percent.toString()));
    /** The racing cap on forks per cell. */
    public static final BenchProperty<Integer> MAX_FORKS = declare("maxForks", "racing gives no cell more forks than this",
            BenchProperty::atLeastOne, Default.fixed(RaceSettings.DEFAULT_MAX_FORKS, String::valueOf));
    /** Seed of the fork order. */
    public static final BenchProperty<Long> SEED = declare("seed", "seed of the randomized fork order (recorded)",
            BenchProperty::seed, Default.text("from the run id"));
    /** The time limit of every fork. */
    public static final BenchProperty<Duration> FORK_TIMEOUT = declare("forkTimeout",
            "time limit of every fork, e.g. `90s`, or `auto`; a fork past it is ended with its process tree and "
                    + "recorded as timed out, its cell never ranked ([method.md](method.md#forks-that-hang-or-corrupt-the-map))",
            BenchProperty::forkTimeout, Default.text("`auto`: max(3 × the fork's plan, its plan + 60 s)"));
    /** Whether a resume runs the timed-out cells again. */
    public static final BenchProperty<Boolean> RETRY_TIMED_OUT = declare("retryTimedOut",
            "with `bench.resume`: run the cells whose fork timed out again (else they stay timed out)",
            BenchProperty::bool, Default.fixed(false, String::valueOf));
    /** The stress phase of plug-ins after Lincheck. */
    public static final BenchProperty<Boolean> PLUGIN_STRESS = declare("pluginStress",
            "after Lincheck, write to each plug-in for a few seconds at the run's sizes and thread counts and refuse it "
                    + "if its state breaks (`false` skips it; each fork's tear-down still checks the map)",
            BenchProperty::bool, Default.fixed(true, String::valueOf));
    /** Whether each fork's tear-down checks the map's state. */
    public static final BenchProperty<Boolean> STATE_CHECK = declare("stateCheck",
            "`false` leaves each fork's tear-down state check out, only to measure what it costs side by side; the "
                    + "forks' JVM arguments record it and the report warns that the maps' state went unchecked",
            BenchProperty::bool, Default.fixed(true, String::valueOf));
    /** When the budget's clock started. */
    public static final BenchProperty<Instant> STARTED_AT = declare("startedAt",
            "when the budget's clock started: `yyyyMMdd-HHmmss` (UTC) or an ISO instant; `mvn verify -Pbench` passes "
                    + "its own start, so the budget counts compilation", RaceSettings::parseStart,
            Default.text("now"));

    private final String key;
    private final String description;
    private final Function<String, T> parser;
    private final Default<T> fallback;

    private BenchProperty(String key, String description, Function<String, T> parser, Default<T> fallback) {
        this.key = key;
        this.description = description;
        this.parser = parser;
        this.fallback = fallback;
    }

    private static <T> BenchProperty<T> declare(String name, String description, Function<String, T> parser,
            Default<T> fallback) {
        BenchProperty<T> property = new BenchProperty<>(name.startsWith(PREFIX) ? name : PREFIX + name, description,
                parser, fallback);
        DECLARED.add(property);
        return property;
    }

    /** Every property, in the order of the documentation and of the pom. */
    public static List<BenchProperty<?>> all() {
        return Collections.unmodifiableList(DECLARED);
    }

    /** The property's name, e.g. {@code bench.forks}. */
    public String key() {
        return key;
    }

    /** What the property does, in one line. */
    public String description() {
        return description;
    }

    /** The default as the documentation states it. */
    public String defaultText() {
        return fallback.text();
    }

    /** The property's text in {@code properties}, trimmed; null when it is not given. */
    public String text(Properties properties) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || UNRESOLVED.matcher(value.trim()).matches()) {
            return null;
        }
        return value.trim();
    }

    /** Whether {@code properties} give this property. */
    public boolean given(Properties properties) {
        return text(properties) != null;
    }

    /** {@code text} checked and converted; a bad value is an {@link IllegalArgumentException} naming the property. */
    public T parse(String text) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** The given value, checked; null when not given. */
    public T get(Properties properties) {
        String text = text(properties);
        return text == null ? null : parse(text);
    }

    /** The given value, checked, else the declared default for {@code effort} (null where code computes it). */
    public T get(Properties properties, Effort effort) {
        T value = get(properties);
        return value != null ? value : fallback.value(effort);
    }

    /** A bad-input error about this property: {@code <key>: <problem>}. */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(key + ": " + problem);
    }

    @Override
    public String toString() {
        return key;
    }

    /** docs/properties.md's table of every property: name, default, meaning. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| property | default | meaning |\n| --- | --- | --- |\n");
        for (BenchProperty<?> property : DECLARED) {
            table.append("| `").append(property.key).append("` | ").append(cell(property.defaultText())).append(" | ")
                    .append(cell(property.description)).append(" |\n");
        }
        return table.toString();
    }

    /** The marker lines between which a Markdown file holds {@link #markdownTable()}. */
    static final String TABLE_START = "<!-- bench properties: generated from dev.mapbench.runner.BenchProperty by "
            + "scripts/bench --properties docs/properties.md; edit the declaration, not this table -->";
    static final String TABLE_END = "<!-- end of the generated bench properties -->";

    /** The generated table of a Markdown file: the text between the markers, or null without them. */
    static String tableIn(String markdown) {
        int start = markdown.indexOf(TABLE_START);
        int end = markdown.indexOf(TABLE_END);
        return start < 0 || end < start ? null : markdown.substring(start + TABLE_START.length(), end).strip() + "\n";
    }

    /**
     * Prints {@link #markdownTable()}; with a Markdown file, rewrites the table between its markers instead (or
     * appends the markers and the table when it has none).
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(markdownTable());
            return;
        }
        Path file = Path.of(args[0]);
        String markdown = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String block = TABLE_START + "\n" + markdownTable() + TABLE_END;
        int start = markdown.indexOf(TABLE_START);
        int end = markdown.indexOf(TABLE_END);
        String updated = start < 0 || end < start ? (markdown.isBlank() ? "" : markdown.stripTrailing() + "\n\n") + block + "\n"
                : markdown.substring(0, start) + block + markdown.substring(end + TABLE_END.length());
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        System.out.println(file + ": " + DECLARED.size() + " bench properties");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /**
     * How a property's value is found when it is not given, and how the documentation states it.
     *
     * @param <T> the property's type
     */
    private interface Default<T> {

        /** The default for {@code effort}, or null where code computes it from more than the effort. */
        T value(Effort effort);

        /** The default in words. */
        String text();

        /** No default: the feature is off or the value is absent. */
        static <T> Default<T> none() {
            return text("—");
        }

        /** Computed by the code that reads the property; {@code text} says how. */
        static <T> Default<T> text(String text) {
            return new Default<>() {
                @Override
                public T value(Effort effort) {
                    return null;
                }

                @Override
                public String text() {
                    return text;
                }
            };
        }

        /** Computed by the code that reads the property from the effort and more; {@code text} shows each effort's. */
        static <T> Default<T> described(Function<Effort, String> text) {
            return text(perEffortText(text));
        }

        /** One value for every effort. */
        static <T> Default<T> fixed(T value, Function<T, String> render) {
            return perEffort(effort -> value, render);
        }

        /** A value per effort. */
        static <T> Default<T> perEffort(Function<Effort, T> value, Function<T, String> render) {
            return new Default<>() {
                @Override
                public T value(Effort effort) {
                    return value.apply(effort);
                }

                @Override
                public String text() {
                    return perEffortText(effort -> "`" + render.apply(value.apply(effort)) + "`");
                }
            };
        }
    }

    /** {@code x} when every effort says the same, else {@code x (smoke), y (default, full)}. */
    private static String perEffortText(Function<Effort, String> text) {
        Map<String, List<String>> efforts = new LinkedHashMap<>();
        for (Effort effort : Effort.values()) {
            efforts.computeIfAbsent(text.apply(effort), t -> new ArrayList<>()).add(effort.label());
        }
        if (efforts.size() == 1) {
            return efforts.keySet().iterator().next();
        }
        return efforts.entrySet().stream().map(entry -> entry.getKey() + " (" + String.join(", ", entry.getValue())
                + ")").collect(Collectors.joining("; "));
    }

    private static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid regex: " + e.getDescription());
        }
    }

    private static List<Path> paths(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(part -> !part.isEmpty()).map(Path::of).toList();
    }

    private static String runId(String text) {
        if (!RUN_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' may hold only letters, digits, '.', '_', '-'");
        }
        return text;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    private static Boolean profile(String text) {
        if (!text.equalsIgnoreCase("async") && !text.equalsIgnoreCase("off")) {
            throw new IllegalArgumentException("'" + text + "' is not async or off");
        }
        return text.equalsIgnoreCase("async");
    }

    private static List<GarbageCollector> collectors(String text) {
        return text.equalsIgnoreCase("none") ? List.of() : GarbageCollector.parseList(text);
    }

    private static String collectorsText(List<GarbageCollector> collectors) {
        return collectors.isEmpty() ? "none"
                : collectors.stream().map(GarbageCollector::displayName).collect(Collectors.joining(","));
    }

    private static Integer forks(String text) {
        try {
            int forks = Integer.parseInt(text);
            if (forks >= 1) {
                return forks;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number of forks >= 1");
    }

    private static Integer atLeastOne(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number >= 1");
    }

    private static String design(String text) {
        if (!text.equalsIgnoreCase("race") && !text.equalsIgnoreCase("fixed")) {
            throw new IllegalArgumentException("'" + text + "' is not race or fixed");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static Double percent(String text) {
        double percent;
        try {
            percent = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            percent = Double.NaN;
        }
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage in (0, 100)");
        }
        return percent;
    }

    private static Long positiveLong(String text) {
        try {
            long number = Long.parseLong(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number >= 1");
    }

    private static Duration forkTimeout(String text) {
        if (text.equalsIgnoreCase("auto")) {
            return Duration.ZERO;
        }
        Duration limit;
        try {
            limit = RaceSettings.parseBudget(text);
        } catch (IllegalArgumentException e) {
            limit = Duration.ZERO;
        }
        if (limit.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a time limit such as 90s, 5m or auto");
        }
        return limit;
    }

    private static Long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
