package dev.mapbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.results.Json;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ReadWriteAllocation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code alloc-per-op.csv}: bytes allocated per read and per write, separated (JMH's
 * {@code gc.alloc.rate.norm} averages over all operations, which hides a costly write among many reads).
 *
 * <p>One row per strategy, size, key distribution and thread count; the derivation (100 %-read cell
 * for reads, 0 %-read cell for writes, a least-squares line through every ratio as a cross-check) is
 * {@link ReadWriteAllocation}'s, shared with the report. A group without a 0 %-read cell (the
 * unsynchronized ceiling) has an empty write column.
 */
public final class AllocationPerOp {

    static final String[] HEADER = {"strategy", "size", "keyDistribution", "threads", "oversubscribed",
        "bytesPerRead", "bytesPerReadError", "bytesPerWrite", "bytesPerWriteError", "fitBytesPerRead",
        "fitBytesPerWrite", "fitRSquare", "readPercentsMeasured"};

    private AllocationPerOp() {
    }

    /** The CSV text for every workload cell in {@code cellFiles}; {@code cores} marks oversubscription. */
    public static String csv(List<Path> cellFiles, int cores) throws IOException {
        List<ReadWriteAllocation.Measurement> measurements = new ArrayList<>();
        for (Path file : cellFiles) {
            for (JsonNode result : Json.mapper().readTree(file.toFile())) {
                if (!result.path("benchmark").asText().endsWith("MapWorkloadBenchmark.operation")) {
                    continue;
                }
                JsonNode params = result.path("params");
                JsonNode norm = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
                if (norm.isMissingNode()) {
                    throw new IOException(file + ": no gc.alloc.rate.norm (was the cell run without -prof gc?)");
                }
                ReadWriteAllocation.Group group = new ReadWriteAllocation.Group(params.path("strategy").asText(),
                        Integer.parseInt(params.path("size").asText()), params.path("keyDistribution").asText(),
                        result.path("threads").asInt());
                measurements.add(new ReadWriteAllocation.Measurement(group, params.path("readPercent").asInt(),
                        Metric.of(number(norm.path("score")), number(norm.path("scoreError")), "B/op")));
            }
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (ReadWriteAllocation split : ReadWriteAllocation.of(measurements)) {
                printer.printRecord(row(split, cores));
            }
        }
        return out.toString();
    }

    private static List<Object> row(ReadWriteAllocation split, int cores) {
        ReadWriteAllocation.Group group = split.group();
        Optional<ReadWriteAllocation.LineFit> fit = split.fit();
        List<Object> row = new ArrayList<>(List.of(group.strategy(), group.size(), group.keyDistribution(),
                group.threads(), group.threads() > cores));
        row.add(format(split.perRead().map(Metric::score)));
        row.add(format(split.perRead().map(Metric::scoreError)));
        row.add(format(split.perWrite().map(Metric::score)));
        row.add(format(split.perWrite().map(Metric::scoreError)));
        row.add(format(fit.map(ReadWriteAllocation.LineFit::bytesPerRead)));
        row.add(format(fit.map(ReadWriteAllocation.LineFit::bytesPerWrite)));
        row.add(format(fit.map(ReadWriteAllocation.LineFit::rSquare)));
        row.add(String.join(" ", split.readPercentsMeasured().stream().map(String::valueOf).toList()));
        return row;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN; // JMH writes "NaN" as a string
    }

    private static String format(Optional<Double> value) {
        if (value.isEmpty() || Double.isNaN(value.get())) {
            return "";
        }
        double number = value.get();
        return String.format(Locale.ROOT, "%.3f", Math.abs(number) < 0.0005 ? 0.0 : number); // no "-0.000"
    }
}
