package dev.mapbench.report.analysis;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Summary.Cell;
import dev.mapbench.report.model.Summary.Column;
import dev.mapbench.report.model.Summary.NamedColumn;
import dev.mapbench.report.model.Summary.NamedPanel;
import dev.mapbench.report.model.Summary.Panel;
import dev.mapbench.report.model.Summary.Row;
import dev.mapbench.report.model.Summary;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.NamedWorkloadId;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.workload.WorkloadSpec;
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
 * Builds the report's first section, the {@link Summary}: every strategy across every workload at once, one
 * panel per map size × key distribution, each cell with its throughput, ratio to the workload's best, verdict
 * and bytes per operation, and the {@link DecisionGuide} written from the same cells.
 */
public final class SummaryAnalysis {

    private SummaryAnalysis() {
    }

    /**
     * The summary of the throughput workload cells among {@code cells}, with their verdicts, decided with
     * the equivalence margin {@code margin} (a fraction).
     */
    public static Summary of(List<BenchmarkCell> cells, List<WorkloadVerdict> verdicts, CoreCount cores, double margin) {
        List<BenchmarkCell> compared = cells.stream().filter(BenchmarkCell::isComparedCell)
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT).toList();
        if (compared.isEmpty()) {
            return Summary.empty();
        }
        List<BenchmarkCell> workload = compared.stream().filter(BenchmarkCell::isWorkloadCell).toList();
        List<BenchmarkCell> named = compared.stream().filter(cell -> !cell.isWorkloadCell()).toList();
        Map<ComparedWorkload, WorkloadVerdict> verdictOf = new LinkedHashMap<>();
        verdicts.forEach(verdict -> verdictOf.put(verdict.workload(), verdict));
        Map<String, List<BenchmarkCell>> byPanel = workload.stream().collect(Collectors.groupingBy(
                cell -> panelKey(cell.workload().orElseThrow()), LinkedHashMap::new, Collectors.toList()));
        List<String> strategies = strategyOrder(compared);
        List<Panel> panels = new ArrayList<>();
        byPanel.values().stream()
                .sorted(Comparator.comparing(group -> group.get(0).workload().orElseThrow(), WorkloadId.DISPLAY_ORDER))
                .forEach(group -> panels.add(panel(group, strategies, verdictOf, cores)));
        NamedPanel namedPanel = namedPanel(named, strategies, verdictOf, cores);
        String unit = compared.get(0).primary().unit();
        Summary withoutGuide = new Summary(panels, namedPanel, List.of(), unit, DecisionGuide.COLLAPSE);
        return new Summary(panels, namedPanel, DecisionGuide.write(withoutGuide, margin), unit, DecisionGuide.COLLAPSE);
    }

    /** Strategies as rows, each named workload at each thread count as a column, by name then threads. */
    private static NamedPanel namedPanel(List<BenchmarkCell> named, List<String> strategyOrder,
            Map<ComparedWorkload, WorkloadVerdict> verdictOf, CoreCount cores) {
        if (named.isEmpty()) {
            return NamedPanel.EMPTY;
        }
        Map<NamedWorkloadId, Boolean> oversubscribed = new TreeMap<>(NamedWorkloadId.ORDER);
        Map<String, Map<NamedWorkloadId, BenchmarkCell>> byStrategy = new LinkedHashMap<>();
        Map<NamedWorkloadId, Double> bestScore = new LinkedHashMap<>();
        for (BenchmarkCell cell : named) {
            NamedWorkloadId workload = (NamedWorkloadId) cell.comparedWorkload().orElseThrow();
            oversubscribed.merge(workload, cores.oversubscribed(cell), Boolean::logicalOr);
            byStrategy.computeIfAbsent(cell.strategy(), key -> new LinkedHashMap<>()).put(workload, cell);
            if (isThreadSafe(cell.strategy()) && Double.isFinite(cell.primary().score())) {
                bestScore.merge(workload, cell.primary().score(), Math::max);
            }
        }
        List<NamedColumn> columns = new ArrayList<>();
        oversubscribed.forEach((workload, over) -> columns.add(new NamedColumn(workload, describe(workload), over)));
        List<Row> rows = new ArrayList<>();
        for (String strategy : strategyOrder) {
            Map<NamedWorkloadId, BenchmarkCell> measured = byStrategy.get(strategy);
            if (measured == null) {
                continue;
            }
            List<Optional<Cell>> cells = new ArrayList<>();
            for (NamedColumn column : columns) {
                BenchmarkCell cell = measured.get(column.workload());
                cells.add(cell == null ? Optional.empty() : Optional.of(cell(cell, column.workload(),
                        column.oversubscribed(), bestScore.getOrDefault(column.workload(), Double.NaN), verdictOf)));
            }
            rows.add(new Row(strategy, isThreadSafe(strategy), cells));
        }
        return new NamedPanel(columns, rows);
    }

    /** A preset's mix, keys and source; a workload file's name only (its file is in the run folder). */
    private static String describe(NamedWorkloadId workload) {
        if (!Presets.exists(workload.name())) {
            return workload.describe() + " (a workload file: its copy is in the run folder's workloads/)";
        }
        WorkloadSpec spec = Presets.named(workload.name());
        String mix = spec.hasRoles() ? spec.describeRoles() : WorkloadSpec.describeMix(spec.mix());
        return workload.describe() + ": " + mix + "; " + spec.keyType() + " keys, " + spec.distribution() + ", size "
                + spec.size() + (spec.grows() ? ", growing" : "") + (spec.source().isEmpty() ? "" : "; " + spec.source());
    }

    private static String panelKey(WorkloadId workload) {
        return workload.size() + "|" + workload.keyDistribution();
    }

    private static Panel panel(List<BenchmarkCell> group, List<String> strategyOrder,
            Map<ComparedWorkload, WorkloadVerdict> verdictOf,
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
            columns.put(column, new Column(workload.readPercent(), workload.writes(), workload.threads(), oversubscribed));
            String strategy = cell.strategy();
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
                        : Optional.of(cell(cell, cell.workload().orElseThrow(), columns.get(column).oversubscribed(),
                                bestScore.getOrDefault(column, Double.NaN), verdictOf)));
            }
            rows.add(new Row(strategy, isThreadSafe(strategy), cells));
        }
        return new Panel(first.size(), first.keyDistribution(), List.copyOf(columns.values()), rows);
    }

    private static Cell cell(BenchmarkCell cell, ComparedWorkload workload, boolean oversubscribed, double best,
            Map<ComparedWorkload, WorkloadVerdict> verdictOf) {
        String strategy = cell.strategy();
        Optional<StrategyVerdict> verdict = Optional.ofNullable(verdictOf.get(workload)).map(WorkloadVerdict::ranking)
                .map(ranking -> ranking.of(strategy));
        return new Cell(workload, strategy, isThreadSafe(strategy), oversubscribed, cell.primary(),
                cell.primary().score() / best, verdict, cell.secondary(BenchmarkCell.ALLOCATION_PER_OP));
    }

    /** Read % descending, then writes (updates first), then threads ascending, as a key that sorts that way. */
    private static String columnKey(WorkloadId workload) {
        return String.format(Locale.ROOT, "%03d-%d-%05d", 100 - workload.readPercent(),
                workload.writes() == GridWrites.UPDATE ? 0 : 1, workload.threads());
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
