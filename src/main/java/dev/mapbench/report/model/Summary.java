package dev.mapbench.report.model;

import dev.mapbench.results.Metric;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.ComparedWorkload;
import dev.mapbench.workload.GridWrites;
import dev.mapbench.workload.NamedWorkloadId;
import dev.mapbench.workload.WorkloadId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's first section: every strategy across every workload at once. One panel per map size ×
 * key distribution, strategies as rows, read % × threads as columns; each cell holds the measured
 * throughput (JMH's score, as in results.csv), its ratio to the workload's best, the verdict of the
 * statistics core, and the bytes allocated per operation. Under the panels, the decision guide's sentences,
 * written from the same cells. Named workloads (presets and workload files) have a panel of their own:
 * strategies as rows, each named workload × threads as a column.
 *
 * @param panels one per size and key distribution, in display order
 * @param named the named workloads' panel (empty when the run measured none)
 * @param guide the decision guide's sentences
 * @param unit the throughput unit of the cells
 * @param collapse how many times slower than the best the guide calls a strategy collapsed
 */
public record Summary(List<Panel> panels, NamedPanel named, List<Sentence> guide, String unit, int collapse) implements ReportSection {

    /** Copies the lists. */
    public Summary {
        panels = List.copyOf(panels);
        named = named == null ? NamedPanel.EMPTY : named;
        guide = List.copyOf(guide);
    }

    /** No workload cell: nothing to show. */
    public static Summary empty() {
        return new Summary(List.of(), NamedPanel.EMPTY, List.of(), "", 0);
    }

    /** One sentence of the decision guide and the ids of the summary cells it rests on. */
    public record Sentence(String text, List<String> cellIds) {

        /** Copies the list. */
        public Sentence {
            cellIds = List.copyOf(cellIds);
        }
    }

    /** Whether the summary has anything to show. */
    public boolean isEmpty() {
        return panels.isEmpty() && named.rows().isEmpty();
    }

    /** Every cell of every grid panel (the decision guide's ground). */
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

    /**
     * The named workloads' panel.
     *
     * @param columns each named workload at each thread count, by name then threads
     * @param rows one per strategy measured in a named workload
     */
    public record NamedPanel(List<NamedColumn> columns, List<Row> rows) {

        /** No named workload measured. */
        public static final NamedPanel EMPTY = new NamedPanel(List.of(), List.of());

        /** Copies the lists. */
        public NamedPanel {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One named workload at one thread count.
     *
     * @param workload the workload's name and threads
     * @param description what it does, e.g. its mix and keys, for a tooltip
     * @param oversubscribed whether it ran more threads than cores
     */
    public record NamedColumn(NamedWorkloadId workload, String description, boolean oversubscribed) {
    }

    /**
     * One workload column: read % (with what its writes are, when the run measured both kinds) and threads;
     * oversubscribed when threads exceed the cores.
     *
     * @param readPercent the read percentage
     * @param writes what the writes are ({@code remove + insert} for a read-only column, which has none)
     * @param threads the threads
     * @param oversubscribed whether they exceed the cores
     */
    public record Column(int readPercent, GridWrites writes, int threads, boolean oversubscribed) {

        /** The column group's header, e.g. {@code 95 % read}, or {@code 95 % read, updates} when the panel has both writes. */
        public String group(boolean bothWrites) {
            String read = readPercent + " % read";
            if (!bothWrites || readPercent == 100) {
                return read;
            }
            return read + (writes == GridWrites.UPDATE ? ", updates" : ", remove + insert");
        }
    }

    /** Whether the panel's columns hold both kinds of writes (the run compared them). */
    public static boolean bothWrites(List<Column> columns) {
        return columns.stream().filter(column -> column.readPercent() < 100).map(Column::writes).distinct().count() > 1;
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
    public record Cell(ComparedWorkload workload, String strategy, boolean threadSafe, boolean oversubscribed, Metric throughput,
            double ratioToBest, Optional<StrategyVerdict> verdict, Optional<Metric> bytesPerOp) {

        /** The cell's anchor on the page. */
        public String id() {
            if (workload instanceof WorkloadId grid) {
                return "sum-" + slug("s" + grid.size() + "-" + grid.keyDistribution() + "-r" + grid.readPercent()
                        + "-t" + grid.threads() + "-" + strategy);
            }
            return "sum-" + slug(workload.id() + "-" + strategy);
        }

        /** The grid workload; only for cells of the grid panels. */
        public WorkloadId grid() {
            if (workload instanceof WorkloadId grid) {
                return grid;
            }
            throw new IllegalStateException(workload.id() + " is a named workload, not a grid one");
        }

        /** The verdict's status, if the strategy was ranked. */
        public Optional<VerdictStatus> status() {
            return verdict.map(StrategyVerdict::status);
        }

        /** Text as an anchor: lower case letters, digits and dashes. */
        public static String slug(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        }
    }
}
