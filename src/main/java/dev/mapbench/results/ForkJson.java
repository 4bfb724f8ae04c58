package dev.mapbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Joins single-fork JMH JSON results of one cell into the JSON JMH would have written had it run all those
 * forks itself, so every reader of cell files (report, comparison, allocation table) sees one cell.
 *
 * <p>Why single forks: the runner interleaves the forks of competing cells in randomized order, so the
 * machine's drift hits both sides of every comparison; JMH runs all forks of a cell back to back. Each
 * fork is one JMH run with {@code -f 1}; this class puts them back together with JMH's own arithmetic:
 * for a metric JMH averages ({@code AVG} policy: throughput, {@code gc.alloc.rate.norm} ...), the score is
 * the mean of every measured iteration of every fork, the error and interval are JMH's 99.9 % Student t
 * ({@link ListStatistics}), the percentiles are over those iterations, and {@code rawData} is one list per
 * fork; for a metric JMH sums ({@code gc.count}, {@code gc.time}), the score is the sum of the forks'
 * scores. {@code ForkJsonTest} checks this against a six-fork cell JMH wrote itself.
 */
public final class ForkJson {

    /** The 99.9 % level of JMH's score error and confidence interval. */
    static final double JMH_CONFIDENCE = 0.999;
    /** Secondary metrics the GC profiler sums over iterations rather than averages. */
    private static final Set<String> SUMMED = Set.of("gc.count", "gc.time");

    private ForkJson() {
    }

    /**
     * The JMH JSON array holding one element: {@code forks} (each a JMH JSON array with one element, one fork)
     * joined in order.
     */
    public static String join(List<String> forks) throws IOException {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no forks to join");
        }
        List<JsonNode> elements = new ArrayList<>();
        for (String fork : forks) {
            JsonNode array = Json.mapper().readTree(fork);
            if (!array.isArray() || array.size() != 1 || !array.get(0).isObject()) {
                throw new IOException("a fork's JMH JSON must be an array of one result, got " + abbreviate(fork));
            }
            elements.add(array.get(0));
        }
        ObjectNode joined = elements.get(0).deepCopy();
        joined.put("forks", elements.size());
        joined.set("primaryMetric", joinMetric("primary", elements.stream().map(e -> e.path("primaryMetric")).toList()));
        ObjectNode secondary = Json.mapper().createObjectNode();
        for (JsonNode element : elements) {
            Iterator<Map.Entry<String, JsonNode>> fields = element.path("secondaryMetrics").fields();
            while (fields.hasNext()) {
                String name = fields.next().getKey();
                if (!secondary.has(name)) {
                    List<JsonNode> metrics = elements.stream().map(e -> e.path("secondaryMetrics").path(name))
                            .filter(JsonNode::isObject).toList();
                    secondary.set(name, joinMetric(name, metrics));
                }
            }
        }
        joined.set("secondaryMetrics", secondary);
        ArrayNode out = Json.mapper().createArrayNode();
        out.add(joined);
        return Json.pretty(out);
    }

    /** One metric over the forks that reported it. */
    static ObjectNode joinMetric(String name, List<JsonNode> forks) {
        ObjectNode joined = forks.get(0).deepCopy();
        if (forks.get(0).has("rawDataHistogram")) {
            throw new IllegalArgumentException(name + ": joining sample-time histograms is not supported");
        }
        ArrayNode rawData = Json.mapper().createArrayNode();
        ListStatistics iterations = new ListStatistics();
        double summedScores = 0;
        for (JsonNode fork : forks) {
            for (JsonNode list : fork.path("rawData")) {
                rawData.add(list.deepCopy());
                list.forEach(value -> iterations.addValue(number(value)));
            }
            summedScores += number(fork.path("score"));
        }
        joined.set("rawData", rawData);
        if (isSummed(name, forks.get(0))) {
            joined.put("score", summedScores);
            joined.put("scoreError", "NaN");
            joined.putArray("scoreConfidence").add(summedScores).add(summedScores);
        } else {
            joined.put("score", iterations.getMean());
            putNumber(joined, "scoreError", iterations.getN() > 2 ? iterations.getMeanErrorAt(JMH_CONFIDENCE) : Double.NaN);
            double[] interval = iterations.getN() > 2 ? iterations.getConfidenceIntervalAt(JMH_CONFIDENCE)
                    : new double[] {Double.NaN, Double.NaN};
            ArrayNode confidence = joined.putArray("scoreConfidence");
            putNumber(confidence, interval[0]);
            putNumber(confidence, interval[1]);
        }
        ObjectNode percentiles = Json.mapper().createObjectNode();
        forks.get(0).path("scorePercentiles").fieldNames().forEachRemaining(key ->
                putNumber(percentiles, key, iterations.getPercentile(Double.parseDouble(key))));
        joined.set("scorePercentiles", percentiles);
        return joined;
    }

    /** gc.count and gc.time (either JMH spelling), or any metric whose score is the sum of its iterations. */
    private static boolean isSummed(String name, JsonNode fork) {
        String plain = name.startsWith("·") ? name.substring(1) : name;
        if (SUMMED.contains(plain)) {
            return true;
        }
        double sum = 0;
        int count = 0;
        for (JsonNode list : fork.path("rawData")) {
            for (JsonNode value : list) {
                sum += number(value);
                count++;
            }
        }
        double score = number(fork.path("score"));
        return count > 1 && Double.isNaN(number(fork.path("scoreError"))) && Math.abs(score - sum) <= 1e-9 * Math.max(1, Math.abs(sum));
    }

    /** JMH writes non-finite numbers as strings ("NaN", "Infinity"). */
    static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void putNumber(ArrayNode node, double value) {
        if (Double.isFinite(value)) {
            node.add(value);
        } else {
            node.add(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }
}
