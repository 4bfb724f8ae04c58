package dev.mapbench.report.csv;

import dev.mapbench.report.model.AllocationSplit;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.report.model.ReportModel;
import dev.mapbench.report.model.RunInputs;
import dev.mapbench.report.model.VerdictTable;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ReadWriteAllocation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV format's front door: the report's CSV files, written with Commons CSV: {@code results.csv}, one row per cell and
 * metric, {@code samples.csv}, one row per fork and measurement iteration of each cell's primary
 * metric, and, for mapbench workload cells, {@code bytes-per-read-write.csv}, one row per strategy ×
 * size × key distribution × thread count. Params are columns (the union over all cells, in first-seen order; empty where a cell
 * lacks one). Non-finite numbers are written as {@code NaN}, {@code Infinity}, {@code -Infinity}.
 */
public final class CsvReport {

    /** The file name of the per-cell, per-metric table. */
    public static final String RESULTS_FILE = ReportFiles.RESULTS_CSV;
    /** The file name of the per-fork samples table. */
    public static final String SAMPLES_FILE = ReportFiles.SAMPLES_CSV;
    /** The file name of the bytes per read and per write table (mapbench workload cells only). */
    public static final String ALLOCATION_SPLIT_FILE = ReportFiles.ALLOCATION_SPLIT_CSV;
    /** The metric column's value for the primary score. */
    public static final String PRIMARY = "primary";

    private final List<BenchmarkCell> cells;
    private final CoreCount cores;
    private final List<String> paramNames;

    /** A CSV view of {@code cells}; oversubscription is judged with {@code cores}. */
    public CsvReport(List<BenchmarkCell> cells, CoreCount cores) {
        this.cells = cells;
        this.cores = cores;
        Set<String> names = new LinkedHashSet<>();
        cells.forEach(cell -> names.addAll(cell.params().keySet()));
        this.paramNames = List.copyOf(names);
    }

    /**
     * Writes the CSV files of {@code model} into {@code folder}: results.csv and samples.csv always,
     * verdicts.csv when the report has verdicts, bytes-per-read-write.csv when it has the split.
     */
    public static void writeAll(ReportModel model, Path folder) throws IOException {
        RunInputs inputs = model.section(RunInputs.class).orElseThrow(
                () -> new IllegalArgumentException("a report model without its inputs has no CSV files"));
        CsvReport csv = new CsvReport(inputs.results().cells(), inputs.cores());
        try (Writer writer = Files.newBufferedWriter(folder.resolve(RESULTS_FILE), StandardCharsets.UTF_8)) {
            csv.writeResults(writer);
        }
        try (Writer writer = Files.newBufferedWriter(folder.resolve(SAMPLES_FILE), StandardCharsets.UTF_8)) {
            csv.writeSamples(writer);
        }
        List<WorkloadVerdict> verdicts = model.section(VerdictTable.class).map(VerdictTable::verdicts).orElse(List.of());
        if (!verdicts.isEmpty()) {
            try (Writer writer = Files.newBufferedWriter(folder.resolve(VerdictCsv.FILE), StandardCharsets.UTF_8)) {
                VerdictCsv.write(verdicts, writer);
            }
        }
        Optional<AllocationSplit> split = model.section(AllocationSplit.class).filter(one -> !one.isEmpty());
        if (split.isPresent()) {
            try (Writer writer = Files.newBufferedWriter(folder.resolve(ALLOCATION_SPLIT_FILE), StandardCharsets.UTF_8)) {
                writeAllocationSplit(split.get(), writer);
            }
        }
    }

    /** Columns every row has; a param with one of these names is written as {@code param.<name>}. */
    private static final Set<String> FIXED_COLUMNS = Set.of("benchmark", "mode", "threads", "forks", "metric", "score",
            "error", "ci_low", "ci_high", "unit", "oversubscribed", "cores", "source", "fork", "iteration", "value");

    private List<String> paramColumns() {
        return paramNames.stream().map(name -> FIXED_COLUMNS.contains(name) ? "param." + name : name).toList();
    }

    /** Writes results.csv: one row per cell and metric (the primary first, then secondaries). */
    public void writeResults(Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("benchmark", "mode"));
        header.addAll(paramColumns());
        header.addAll(List.of("threads", "forks", "metric", "score", "error", "ci_low", "ci_high", "unit",
                "oversubscribed", "cores", "source"));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (BenchmarkCell cell : cells) {
                printMetricRow(printer, cell, PRIMARY, cell.primary());
                for (Map.Entry<String, Metric> entry : cell.secondary().entrySet()) {
                    printMetricRow(printer, cell, entry.getKey(), entry.getValue());
                }
            }
        }
    }

    /** Writes samples.csv: one row per fork and iteration of each cell's primary metric. */
    public void writeSamples(Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("benchmark", "mode"));
        header.addAll(paramColumns());
        header.addAll(List.of("threads", "fork", "iteration", "value", "unit"));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (BenchmarkCell cell : cells) {
                List<List<Double>> forks = cell.primary().rawData();
                for (int fork = 0; fork < forks.size(); fork++) {
                    List<Double> iterations = forks.get(fork);
                    for (int iteration = 0; iteration < iterations.size(); iteration++) {
                        List<Object> row = identity(cell);
                        row.addAll(List.of(cell.threads(), fork + 1, iteration + 1, iterations.get(iteration),
                                cell.primary().unit()));
                        printer.printRecord(row);
                    }
                }
            }
        }
    }

    /**
     * Writes bytes-per-read-write.csv: bytes per read and per write with their JMH errors, one row per
     * group (column names as in the runner's alloc-per-op.csv); a figure whose cell was not measured is empty.
     */
    public static void writeAllocationSplit(AllocationSplit split, Appendable out) throws IOException {
        String[] header = {"strategy", "size", "keyDistribution", "threads", "oversubscribed", "cores",
            "bytesPerRead", "bytesPerReadError", "bytesPerWrite", "bytesPerWriteError"};
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (AllocationSplit.Row row : split.rows()) {
                ReadWriteAllocation.Group group = row.allocation().group();
                Optional<Metric> read = row.allocation().perRead();
                Optional<Metric> write = row.allocation().perWrite();
                printer.printRecord(group.strategy(), group.size(), group.keyDistribution(), group.threads(),
                        row.oversubscribed(), row.cores(),
                        orBlank(read.map(Metric::score)), orBlank(read.map(Metric::scoreError)),
                        orBlank(write.map(Metric::score)), orBlank(write.map(Metric::scoreError)));
            }
        }
    }

    /** The number, or an empty field when the cell it comes from was not measured. */
    private static Object orBlank(Optional<Double> value) {
        return value.isPresent() ? value.get() : "";
    }

    private void printMetricRow(CSVPrinter printer, BenchmarkCell cell, String name, Metric metric) throws IOException {
        List<Object> row = identity(cell);
        row.addAll(List.of(cell.threads(), cell.forks(), name, metric.score(), metric.scoreError(),
                metric.confidenceLow(), metric.confidenceHigh(), metric.unit(), cores.oversubscribed(cell),
                cores.coresFor(cell), cell.source().toString()));
        printer.printRecord(row);
    }

    private List<Object> identity(BenchmarkCell cell) {
        List<Object> row = new ArrayList<>(List.of(cell.benchmark(), cell.mode().label()));
        for (String name : paramNames) {
            row.add(cell.params().getOrDefault(name, ""));
        }
        return row;
    }
}
