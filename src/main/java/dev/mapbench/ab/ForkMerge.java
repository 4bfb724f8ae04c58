package dev.mapbench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Merges the single-fork JMH JSON files of one cell into one JMH JSON element with all forks, as JMH
 * would have written it for {@code -f n}: {@code rawData} holds one row per fork (in the order given),
 * and score, error (99.9 %), confidence and percentiles are recomputed over every iteration with JMH's
 * own {@link ListStatistics}. A secondary metric is kept only when every fork has it ({@code gc.count}
 * is absent from a fork in which no collection ran), so no fork is silently missing from a metric.
 */
final class ForkMerge {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

    private ForkMerge() {
    }

    /** The merged JMH JSON array (one element) of {@code forkFiles}, each a one-fork, one-cell JMH result. */
    static String merge(List<Path> forkFiles) throws IOException {
        if (forkFiles.isEmpty()) {
            throw new IllegalArgumentException("no fork to merge");
        }
        List<JsonNode> forks = new ArrayList<>();
        for (Path file : forkFiles) {
            JsonNode array = JSON.readTree(file.toFile());
            if (!array.isArray() || array.size() != 1) {
                throw new IOException(file + ": expected a JMH JSON array with exactly one result");
            }
            forks.add(array.get(0));
        }
        ObjectNode merged = forks.get(0).deepCopy();
        merged.put("forks", forks.size());
        merged.set("primaryMetric", mergeMetric(forks.stream().map(f -> f.path("primaryMetric")).toList()));
        ObjectNode secondary = JSON.createObjectNode();
        for (String name : commonSecondaryNames(forks)) {
            secondary.set(name, mergeMetric(forks.stream().map(f -> f.path("secondaryMetrics").path(name)).toList()));
        }
        merged.set("secondaryMetrics", secondary);
        ArrayNode array = JSON.createArrayNode().add(merged);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }

    private static Set<String> commonSecondaryNames(List<JsonNode> forks) {
        Set<String> names = new LinkedHashSet<>();
        forks.get(0).path("secondaryMetrics").fieldNames().forEachRemaining(names::add);
        for (JsonNode fork : forks) {
            names.removeIf(name -> !fork.path("secondaryMetrics").has(name));
        }
        return names;
    }

    private static ObjectNode mergeMetric(List<JsonNode> metrics) {
        ObjectNode merged = metrics.get(0).deepCopy();
        ArrayNode raw = JSON.createArrayNode();
        ListStatistics statistics = new ListStatistics();
        for (JsonNode metric : metrics) {
            for (JsonNode forkRow : metric.path("rawData")) {
                raw.add(forkRow.deepCopy());
                forkRow.forEach(value -> statistics.addValue(value.asDouble()));
            }
        }
        merged.set("rawData", raw);
        merged.put("score", statistics.getMean());
        double error = statistics.getN() > 2 ? statistics.getMeanErrorAt(0.999) : Double.NaN;
        if (Double.isFinite(error)) {
            merged.put("scoreError", error);
        } else {
            merged.put("scoreError", "NaN");
        }
        double[] confidence = statistics.getN() > 2 ? statistics.getConfidenceIntervalAt(0.999)
                : new double[] {Double.NaN, Double.NaN};
        ArrayNode interval = merged.putArray("scoreConfidence");
        for (double bound : confidence) {
            if (Double.isFinite(bound)) {
                interval.add(bound);
            } else {
                interval.add("NaN");
            }
        }
        ObjectNode percentiles = merged.putObject("scorePercentiles");
        for (double percentile : PERCENTILES) {
            percentiles.put(Double.toString(percentile), statistics.getPercentile(percentile));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
            if (it.next().getKey().equals("rawDataHistogram")) {
                it.remove(); // sample-time histograms are not merged; A/B cells run in throughput mode
            }
        }
        return merged;
    }
}
