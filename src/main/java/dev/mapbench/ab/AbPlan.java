package dev.mapbench.ab;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.runner.BenchProperty;
import dev.mapbench.runner.BenchSettings;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import dev.mapbench.runner.Effort;
import dev.mapbench.runner.ForkFacts;
import dev.mapbench.runner.Matrix;
import dev.mapbench.runner.Shard;
import dev.mapbench.runner.WorkloadSettings;
import dev.mapbench.workload.GridWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which cells an A/B measures and how long each fork is, planned by the current tree's matrix
 * ({@link Matrix}, {@link Cell}) from {@code -Dbench.*} properties over the A/B's own defaults.
 *
 * <p>Defaults (the "A/B set"): the thread-safe strategies, 100 % and 0 % reads, size 100, uniform keys,
 * 1 and 2 threads, plus both calibration cells: 26 cells. Forks are short (2 × 150 ms warmup, 4 × 100 ms
 * measured) because the A/B's power comes from many interleaved forks, not long ones. Calibration cells
 * of every size and key distribution measured are always kept, whatever {@code bench.include} says:
 * they are the ruler.
 *
 * @param cells the cells, in matrix order, after include and shard
 * @param positions each cell's position in the whole (unsharded) matrix, for its file name
 * @param timing iterations of one fork ({@code forks} = forks per side)
 * @param shard the shard of the matrix this A/B measures
 * @param settings the bench settings the cells were planned with
 */
public record AbPlan(List<Cell> cells, List<Integer> positions, CellTiming timing, Shard shard,
        BenchSettings settings) {

    /** Warmup of an A/B fork: 2 × 150 ms (C2 has compiled the loop by then on the 2-core machine). */
    public static final int WARMUP_ITERATIONS = 2;
    public static final int WARMUP_MILLIS = 150;
    /** Measurement of an A/B fork: 4 × 100 ms. */
    public static final int MEASUREMENT_ITERATIONS = 4;
    public static final int MEASUREMENT_MILLIS = 100;
    /** Forks a side by default: 6 + 6 lets an exact rank test reach p = 0.002. */
    public static final int DEFAULT_FORKS = 6;
    /** The default read percents: pure reads and pure writes, the two ends of every strategy's curve. */
    public static final String DEFAULT_INCLUDE = "-r(100|0)-";
    /** With {@code -Dbench.workload} given and no include of its own, the named workloads' cells stay too. */
    public static final String DEFAULT_INCLUDE_WITH_NAMED = DEFAULT_INCLUDE + "|-W\\.";
    /**
     * Start-up of the JMH host JVM that launches one fork ({@code org.openjdk.jmh.Main}), on top of
     * the fork's own start; an estimate for the 2-core machine, replaced by the measured per-fork
     * wall time in the A/B's own output.
     */
    public static final double HOST_START_SECONDS = 0.5;

    private static final Pattern ITERATIONS = Pattern.compile("(\\d+)\\s*[x×]\\s*(\\d+)\\s*(ms)?");

    /** Copies the lists. */
    public AbPlan {
        cells = List.copyOf(cells);
        positions = List.copyOf(positions);
    }

    /**
     * Plans from {@code -Dbench.*} properties ({@code bench.strategies}, {@code bench.threads},
     * {@code bench.include}, {@code bench.effort} for sizes and key distributions, {@code bench.shard});
     * properties not given take the A/B set's defaults.
     */
    public static AbPlan from(Properties given, int cores, int forks, CellTiming forkTiming) {
        Properties properties = new Properties();
        properties.setProperty(BenchProperty.EFFORT.key(), Effort.SMOKE.label());
        properties.setProperty(BenchProperty.THREADS.key(), "1,2");
        properties.setProperty(BenchProperty.STRATEGIES.key(), MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe)
                .map(Enum::name).collect(Collectors.joining(",")));
        properties.setProperty(BenchProperty.INCLUDE.key(), given.containsKey(BenchProperty.WORKLOAD.key())
                ? DEFAULT_INCLUDE_WITH_NAMED : DEFAULT_INCLUDE);
        given.stringPropertyNames().forEach(name -> properties.setProperty(name, given.getProperty(name)));
        BenchSettings settings = BenchSettings.from(properties, cores);
        List<Cell> all = new ArrayList<>(settings.effort().sizes().size() * 4);
        // The gate's grid keeps remove + insert writes and no named workloads, so tonight compares with every
        // earlier night; -Dbench.writes or -Dbench.workload given to the A/B add theirs like any cell.
        List<GridWrites> writes = List.of(GridWrites.REMOVE_INSERT);
        List<Matrix.NamedWorkload> named = List.of();
        if (given.containsKey(BenchProperty.WRITES.key()) || given.containsKey(BenchProperty.WORKLOAD.key())) {
            WorkloadSettings workloads = WorkloadSettings.from(properties, settings.effort());
            writes = given.containsKey(BenchProperty.WRITES.key()) ? workloads.writes() : writes;
            named = given.containsKey(BenchProperty.WORKLOAD.key()) ? workloads.asGiven() : named;
        }
        all.addAll(Matrix.build(settings.effort().sizes(), settings.effort().distributions(), settings.threads(),
                settings.strategies(), writes, named));
        List<Cell> selected = Matrix.select(all, settings.include());
        Set<String> sizeAndKeys = selected.stream().filter(cell -> !cell.isCalibration())
                .map(cell -> cell.size() + "-" + cell.keyDistribution()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Cell> keep = new LinkedHashSet<>(selected);
        for (Cell cell : all) {
            if (cell.isCalibration() && sizeAndKeys.contains(cell.size() + "-" + cell.keyDistribution())) {
                keep.add(cell); // the ruler stays, whatever the include pattern says
            }
        }
        List<Cell> ordered = all.stream().filter(keep::contains).toList();
        List<Cell> cells = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int index : Matrix.positionsOf(ordered, settings.shard())) {
            cells.add(ordered.get(index));
            positions.add(all.indexOf(ordered.get(index)));
        }
        if (cells.stream().noneMatch(cell -> !cell.isCalibration())) {
            throw BenchProperty.INCLUDE.error("'" + BenchProperty.INCLUDE.text(properties)
                    + "' with these strategies and threads leaves no workload cell to compare");
        }
        return new AbPlan(cells, positions, forkTiming.withForks(forks), settings.shard(), settings);
    }

    /**
     * The same timing and shard, keeping only the workload cells whose ids are given and the ruler cells of
     * their sizes and key distributions (a bisection step measures only the cells that regressed).
     *
     * @throws IllegalArgumentException when an id is not a workload cell of this plan
     */
    public AbPlan keeping(Collection<String> workloadIds) {
        Set<String> wanted = new LinkedHashSet<>(workloadIds);
        Set<String> planned = cells.stream().filter(cell -> !cell.isCalibration()).map(Cell::id)
                .collect(Collectors.toSet());
        List<String> missing = wanted.stream().filter(id -> !planned.contains(id)).toList();
        if (!missing.isEmpty() || wanted.isEmpty()) {
            throw new IllegalArgumentException(wanted.isEmpty() ? "no workload cell to keep"
                    : "not workload cells of this plan: " + String.join(", ", missing));
        }
        Set<String> sizeAndKeys = cells.stream().filter(cell -> wanted.contains(cell.id()))
                .map(cell -> cell.size() + "-" + cell.keyDistribution()).collect(Collectors.toSet());
        List<Cell> kept = new ArrayList<>();
        List<Integer> keptPositions = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (wanted.contains(cell.id())
                    || cell.isCalibration() && sizeAndKeys.contains(cell.size() + "-" + cell.keyDistribution())) {
                kept.add(cell);
                keptPositions.add(positions.get(i));
            }
        }
        return new AbPlan(kept, keptPositions, timing, shard, settings);
    }

    /** The same cells with another number of forks a side. */
    public AbPlan withForks(int forks) {
        return new AbPlan(cells, positions, timing.withForks(forks), shard, settings);
    }

    /**
     * {@code COUNTxMILLISms} (e.g. {@code 4x100ms}) as {count, millis}.
     *
     * @throws IllegalArgumentException when the text is not that
     */
    public static int[] iterations(String text) {
        Matcher matcher = ITERATIONS.matcher(text.trim());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(2)) < 1) {
            throw new IllegalArgumentException("'" + text + "' is not COUNTxMILLISms, e.g. 4x100ms");
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    /** One fork's iterations in words, e.g. {@code 2 × 150 ms warmup + 4 × 100 ms measured}. */
    public String timingText() {
        return String.format(Locale.ROOT, "%d × %d ms warmup + %d × %d ms measured", timing.warmupIterations(),
                timing.warmupMillis(), timing.measurementIterations(), timing.measurementMillis());
    }

    /** The A/B's default fork timing, with the default forks a side. */
    public static CellTiming defaultTiming() {
        return new CellTiming(DEFAULT_FORKS, WARMUP_ITERATIONS, WARMUP_MILLIS, MEASUREMENT_ITERATIONS,
                MEASUREMENT_MILLIS);
    }

    /** Forks a side. */
    public int forks() {
        return timing.forks();
    }

    /** Forks in the whole schedule: cells × 2 sides × forks. */
    public int slots() {
        return cells.size() * 2 * forks();
    }

    /** Planned seconds of one fork: the runner's fork arithmetic plus the JMH host JVM's start. */
    public double plannedSecondsPerFork() {
        return ForkFacts.plannedSeconds(timing.withForks(1)) + HOST_START_SECONDS;
    }

    /** Planned wall time of the schedule (builds not included), in seconds. */
    public double plannedSeconds() {
        return slots() * plannedSecondsPerFork();
    }

    /** How many cells are calibration (ruler) cells. */
    public long rulerCells() {
        return cells.stream().filter(Cell::isCalibration).count();
    }
}
