package dev.mapbench.report;

import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's first section: every strategy across every workload at once. One panel per map size ×
 * key distribution, strategies as rows, read % × threads as columns; each cell holds the measured
 * throughput (JMH's score, as in results.csv), its ratio to the workload's best, the verdict of the
 * statistics core, and the bytes allocated per operation. Under the panels, a {@link DecisionGuide}
 * written from the same cells.
 *
 * @param panels one per size and key distribution, in display order
 * @param guide the decision guide's sentences
 * @param unit the throughput unit of the cells
 */
public record Summary(List<Panel> panels, List<DecisionGuide.Sentence> guide, String unit) {

    /**
     * The summary of the throughput workload cells among {@code cells}, with their verdicts, decided with
     * the equivalence margin {@code margin} (a fraction).
     */
    public static Summary of(List<BenchmarkCell> cells, List<WorkloadVerdict> verdicts, CoreCount cores, double margin) {
        List<BenchmarkCell> workload = cells.stream().filter(BenchmarkCell::isWorkloadCell)
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT).toList();
        if (workload.isEmpty()) {
            return new Summary(List.of(), List.of(), "");
        }
        Map<WorkloadId, WorkloadVerdict> verdictOf = new LinkedHashMap<>();
        verdicts.forEach(verdict -> verdictOf.put(verdict.workload(), verdict));
        Map<String, List<BenchmarkCell>> byPanel = workload.stream().collect(Collectors.groupingBy(
                cell -> panelKey(cell.workload().orElseThrow()), LinkedHashMap::new, Collectors.toList()));
        List<String> strategies = strategyOrder(workload);
        List<Panel> panels = new ArrayList<>();
        byPanel.values().stream()
                .sorted(Comparator.comparing(group -> group.get(0).workload().orElseThrow(), WorkloadId.DISPLAY_ORDER))
                .forEach(group -> panels.add(panel(group, strategies, verdictOf, cores)));
        Summary withoutGuide = new Summary(panels, List.of(), workload.get(0).primary().unit());
        return new Summary(panels, DecisionGuide.write(withoutGuide, margin), withoutGuide.unit());
    }

    /** Whether the summary has anything to show. */
    public boolean isEmpty() {
        return panels.isEmpty();
    }

    /** Every cell of every panel. */
    public List<Cell> cells() {
        return panels.stream().flatMap(panel -> panel.rows().stream()).flatMap(row -> row.cells().stream())
                .flatMap(Optional::stream).toList();
    }

    /**
     * One map size × key distribution.
     *
     * @param size the map size
     * @param keyDistribution the key distribution
     * @param columns read % (descending) × threads (ascending)
     * @param rows one per strategy measured in the panel
     */
    public record Panel(long size, String keyDistribution, List<Column> columns, List<Row> rows) {

        /** The panel's anchor on the page. */
        public String id() {
            return "summary-" + Cell.slug("s" + size + "-" + keyDistribution);
        }
    }

    /** One workload column: read % and threads; oversubscribed when threads exceed the cores. */
    public record Column(int readPercent, int threads, boolean oversubscribed) {
    }

    /** One strategy's cells across the panel's columns (empty where it was not measured). */
    public record Row(String strategy, boolean threadSafe, List<Optional<Cell>> cells) {
    }

    /**
     * One strategy in one workload.
     *
     * @param workload the workload
     * @param strategy the strategy
     * @param threadSafe false for a baseline that is never ranked (the unsynchronized ceiling)
     * @param oversubscribed whether the workload ran more threads than cores
     * @param throughput the primary metric (JMH's score and error, as in results.csv)
     * @param ratioToBest throughput over the best thread-safe strategy's in the workload (can exceed 1 for a baseline)
     * @param verdict the statistics core's verdict, empty for a baseline
     * @param bytesPerOp gc.alloc.rate.norm, when -prof gc ran
     */
    public record Cell(WorkloadId workload, String strategy, boolean threadSafe, boolean oversubscribed, Metric throughput,
            double ratioToBest, Optional<StrategyVerdict> verdict, Optional<Metric> bytesPerOp) {

        /** The cell's anchor on the page. */
        public String id() {
            return "sum-" + slug("s" + workload.size() + "-" + workload.keyDistribution() + "-r" + workload.readPercent()
                    + "-t" + workload.threads() + "-" + strategy);
        }

        /** The verdict's status, if the strategy was ranked. */
        public Optional<VerdictStatus> status() {
            return verdict.map(StrategyVerdict::status);
        }

        static String slug(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        }
    }

    private static String panelKey(WorkloadId workload) {
        return workload.size() + "|" + workload.keyDistribution();
    }

    private static Panel panel(List<BenchmarkCell> group, List<String> strategyOrder, Map<WorkloadId, WorkloadVerdict> verdictOf,
            CoreCount cores) {
        WorkloadId first = group.get(0).workload().orElseThrow();
        Map<String, Column> columns = new TreeMap<>();
        Map<String, Map<String, BenchmarkCell>> byStrategy = new LinkedHashMap<>();
        Map<String, Double> bestScore = new LinkedHashMap<>();
        for (BenchmarkCell cell : group) {
            WorkloadId workload = cell.workload().orElseThrow();
            String column = columnKey(workload);
            Column existing = columns.get(column);
            boolean oversubscribed = cores.oversubscribed(cell) || (existing != null && existing.oversubscribed());
            columns.put(column, new Column(workload.readPercent(), workload.threads(), oversubscribed));
            String strategy = cell.params().get(Benchmarks.STRATEGY_PARAM);
            byStrategy.computeIfAbsent(strategy, key -> new LinkedHashMap<>()).put(column, cell);
            if (isThreadSafe(strategy) && Double.isFinite(cell.primary().score())) {
                bestScore.merge(column, cell.primary().score(), Math::max);
            }
        }
        List<String> columnKeys = new ArrayList<>(columns.keySet());
        List<Row> rows = new ArrayList<>();
        for (String strategy : strategyOrder) {
            Map<String, BenchmarkCell> measured = byStrategy.get(strategy);
            if (measured == null) {
                continue;
            }
            List<Optional<Cell>> cells = new ArrayList<>();
            for (String column : columnKeys) {
                BenchmarkCell cell = measured.get(column);
                cells.add(cell == null ? Optional.empty()
                        : Optional.of(cell(cell, columns.get(column), bestScore.getOrDefault(column, Double.NaN), verdictOf)));
            }
            rows.add(new Row(strategy, isThreadSafe(strategy), cells));
        }
        return new Panel(first.size(), first.keyDistribution(), List.copyOf(columns.values()), rows);
    }

    private static Cell cell(BenchmarkCell cell, Column column, double best, Map<WorkloadId, WorkloadVerdict> verdictOf) {
        WorkloadId workload = cell.workload().orElseThrow();
        String strategy = cell.params().get(Benchmarks.STRATEGY_PARAM);
        Optional<StrategyVerdict> verdict = Optional.ofNullable(verdictOf.get(workload)).map(WorkloadVerdict::ranking)
                .map(ranking -> ranking.of(strategy));
        return new Cell(workload, strategy, isThreadSafe(strategy), column.oversubscribed(), cell.primary(),
                cell.primary().score() / best, verdict, cell.secondary(BenchmarkCell.ALLOCATION_PER_OP));
    }

    /** Read % descending, then threads ascending, as a key that sorts that way. */
    private static String columnKey(WorkloadId workload) {
        return String.format(Locale.ROOT, "%03d-%05d", 100 - workload.readPercent(), workload.threads());
    }

    /** The strategies in the order of {@link MapStrategy} (thread-safe first), then any others by name. */
    private static List<String> strategyOrder(List<BenchmarkCell> cells) {
        Set<String> names = cells.stream().map(cell -> cell.params().get(Benchmarks.STRATEGY_PARAM))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> order = new ArrayList<>();
        for (MapStrategy strategy : MapStrategy.values()) {
            if (strategy.threadSafe() && names.contains(strategy.name())) {
                order.add(strategy.name());
            }
        }
        names.stream().filter(name -> !order.contains(name) && isThreadSafe(name)).sorted().forEach(order::add);
        names.stream().filter(name -> !order.contains(name)).sorted().forEach(order::add);
        return order;
    }

    /** True unless the strategy is a known {@link MapStrategy} that is not thread-safe. */
    static boolean isThreadSafe(String strategy) {
        try {
            return MapStrategy.valueOf(strategy).threadSafe();
        } catch (IllegalArgumentException | NullPointerException e) {
            return true; // a strategy this build does not know (a library or plug-in): judge it on its numbers
        }
    }
}
