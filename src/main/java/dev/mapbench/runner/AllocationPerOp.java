package dev.mapbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Bytes allocated per read and per write, separated (JMH's {@code gc.alloc.rate.norm} averages over all
 * operations, which hides a costly write among many reads).
 *
 * <p>Method: for each strategy, size, key distribution and thread count, bytes per read is
 * {@code gc.alloc.rate.norm} of the 100 %-read cell and bytes per write that of the 0 %-read cell (a
 * write being half remove, half put-back; see {@code WorkloadSequence}), each with its JMH error. As a
 * cross-check over every ratio measured, a least-squares line {@code norm = read + writeShare * (write -
 * read)} is fitted through all the group's cells (95/75/50 % included); its two ends and R² are reported
 * too. A group without a 0 %-read cell (the unsynchronized ceiling) has an empty write column.
 */
public final class AllocationPerOp {

    static final String[] HEADER = {"strategy", "size", "keyDistribution", "threads", "oversubscribed",
        "bytesPerRead", "bytesPerReadError", "bytesPerWrite", "bytesPerWriteError", "fitBytesPerRead",
        "fitBytesPerWrite", "fitRSquare", "readPercentsMeasured"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllocationPerOp() {
    }

    /** A measured value and its JMH error (NaN when JMH could not compute one). */
    record Measured(double score, double error) {
    }

    /** The CSV text for every workload cell in {@code cellFiles}; {@code cores} marks oversubscription. */
    public static String csv(List<Path> cellFiles, int cores) throws IOException {
        Map<String, Map<Integer, Measured>> groups = new TreeMap<>();
        Map<String, String[]> groupKeys = new TreeMap<>();
        for (Path file : cellFiles) {
            for (JsonNode result : JSON.readTree(file.toFile())) {
                if (!result.path("benchmark").asText().endsWith("MapWorkloadBenchmark.operation")) {
                    continue;
                }
                JsonNode params = result.path("params");
                JsonNode norm = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
                if (norm.isMissingNode()) {
                    throw new IOException(file + ": no gc.alloc.rate.norm (was the cell run without -prof gc?)");
                }
                String[] key = {params.path("strategy").asText(), params.path("size").asText(),
                    params.path("keyDistribution").asText(), Integer.toString(result.path("threads").asInt())};
                String groupKey = String.format("%s|%08d|%s|%04d", key[0], Integer.parseInt(key[1]), key[2],
                        Integer.parseInt(key[3]));
                groupKeys.put(groupKey, key);
                groups.computeIfAbsent(groupKey, k -> new TreeMap<>())
                        .put(params.path("readPercent").asInt(), new Measured(number(norm.path("score")),
                                number(norm.path("scoreError"))));
            }
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Map.Entry<String, Map<Integer, Measured>> group : groups.entrySet()) {
                String[] key = groupKeys.get(group.getKey());
                printer.printRecord(row(key, group.getValue(), cores));
            }
        }
        return out.toString();
    }

    private static List<Object> row(String[] key, Map<Integer, Measured> byReadPercent, int cores) {
        Measured read = byReadPercent.get(100);
        Measured write = byReadPercent.get(0);
        SimpleRegression fit = new SimpleRegression();
        byReadPercent.forEach((readPercent, measured) -> fit.addData((100 - readPercent) / 100.0, measured.score()));
        boolean fitted = fit.getN() >= 2;
        List<Object> row = new ArrayList<>(List.of(key[0], key[1], key[2], key[3]));
        row.add(Integer.parseInt(key[3]) > cores);
        row.add(format(read == null ? Double.NaN : read.score()));
        row.add(format(read == null ? Double.NaN : read.error()));
        row.add(format(write == null ? Double.NaN : write.score()));
        row.add(format(write == null ? Double.NaN : write.error()));
        row.add(format(fitted ? fit.getIntercept() : Double.NaN));
        row.add(format(fitted ? fit.getIntercept() + fit.getSlope() : Double.NaN));
        row.add(format(fitted ? fit.getRSquare() : Double.NaN));
        row.add(String.join(" ", byReadPercent.keySet().stream().sorted((a, b) -> b - a).map(String::valueOf).toList()));
        return row;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN; // JMH writes "NaN" as a string
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.3f", Math.abs(value) < 0.0005 ? 0.0 : value); // no "-0.000"
    }
}
