package dev.mapbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one parsed JMH JSON document into cells, checking that it is JMH output. JMH writes
 * non-finite numbers as the strings {@code "NaN"}, {@code "+INF"} and {@code "-INF"}; they become
 * the matching doubles.
 */
final class JmhJsonParser {

    /** The prefix JMH before 1.37 put in front of profiler metric names ({@code ·gc.alloc.rate}). */
    static final String LEGACY_PROFILER_PREFIX = "\u00b7";

    private final Path source;

    JmhJsonParser(Path source) {
        this.source = source;
    }

    List<BenchmarkCell> parse(JsonNode document) throws BadInputException {
        if (!document.isArray()) {
            throw bad("not JMH output: expected a JSON array of benchmark results, found "
                    + describe(document));
        }
        if (document.isEmpty()) {
            throw bad("no benchmark results: the JSON array is empty");
        }
        List<BenchmarkCell> cells = new ArrayList<>();
        for (int index = 0; index < document.size(); index++) {
            cells.add(parseCell(document.get(index), "result " + (index + 1)));
        }
        return cells;
    }

    private BenchmarkCell parseCell(JsonNode node, String where) throws BadInputException {
        if (!node.isObject()) {
            throw bad("not JMH output: " + where + " is " + describe(node) + ", not a benchmark result");
        }
        String benchmark = requiredText(node, "benchmark", where);
        String modeLabel = requiredText(node, "mode", where);
        BenchmarkMode mode = BenchmarkMode.fromLabel(modeLabel)
                .orElseThrow(() -> bad("not JMH output: " + where + " has unknown mode \"" + modeLabel + "\""));
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw bad("not JMH output: " + where + " (" + benchmark + ") has no \"primaryMetric\" object");
        }
        Metric primary = parseMetric(primaryNode, where + " primaryMetric");
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = node.path("secondaryMetrics");
        for (Map.Entry<String, JsonNode> entry : secondaryNode.properties()) {
            String name = normalizeMetricName(entry.getKey(), methodName(benchmark));
            secondary.put(name, parseMetric(entry.getValue(), where + " secondaryMetrics." + entry.getKey()));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("params").properties()) {
            params.put(entry.getKey(), entry.getValue().asText());
        }
        String cell = where + " (" + benchmark + ")";
        return new BenchmarkCell(benchmark, mode, params,
                count(node, "threads", 1, 1, cell),
                count(node, "forks", 0, 0, cell),
                settings(node, "warmup", cell),
                settings(node, "measurement", cell),
                jvmInfo(node),
                primary,
                secondary,
                source);
    }

    /**
     * Gives both JMH generations one name per metric: before 1.37 profiler metrics were written
     * {@code ·gc.alloc.rate.norm} and SampleTime percentiles {@code <method>·p0.99}; 1.37 writes
     * {@code gc.alloc.rate.norm} and {@code p0.99}.
     */
    static String normalizeMetricName(String name, String methodName) {
        if (name.startsWith(LEGACY_PROFILER_PREFIX)) {
            return name.substring(LEGACY_PROFILER_PREFIX.length());
        }
        String ownPercentile = methodName + LEGACY_PROFILER_PREFIX + "p";
        return name.startsWith(ownPercentile) ? name.substring(methodName.length() + 1) : name;
    }

    private static String methodName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private Metric parseMetric(JsonNode node, String where) throws BadInputException {
        if (!node.isObject()) {
            throw bad("not JMH output: " + where + " is " + describe(node));
        }
        if (!node.has("score")) {
            throw bad("not JMH output: " + where + " has no \"score\"");
        }
        double score = number(node.get("score"), where + ".score");
        double error = node.has("scoreError") ? number(node.get("scoreError"), where + ".scoreError") : Double.NaN;
        JsonNode confidence = node.path("scoreConfidence");
        double low = confidence.size() == 2 ? number(confidence.get(0), where + ".scoreConfidence") : score - error;
        double high = confidence.size() == 2 ? number(confidence.get(1), where + ".scoreConfidence") : score + error;
        String unit = requiredText(node, "scoreUnit", where);
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("scorePercentiles").properties()) {
            percentiles.put(numberFromText(entry.getKey(), where + ".scorePercentiles"),
                    number(entry.getValue(), where + ".scorePercentiles"));
        }
        List<List<Double>> rawData = node.has("rawDataHistogram")
                ? iterationMeansFromHistogram(node.get("rawDataHistogram"), where)
                : rawData(node.path("rawData"), where);
        return new Metric(score, error, low, high, unit, percentiles, rawData);
    }

    private List<List<Double>> rawData(JsonNode forks, String where) throws BadInputException {
        List<List<Double>> result = new ArrayList<>();
        for (JsonNode fork : forks) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode value : fork) {
                iterations.add(number(value, where + ".rawData"));
            }
            result.add(iterations);
        }
        return result;
    }

    /** SampleTime: [fork][iteration][[value, count], ...] becomes [fork][iteration] = mean value. */
    private List<List<Double>> iterationMeansFromHistogram(JsonNode forks, String where) throws BadInputException {
        List<List<Double>> result = new ArrayList<>();
        for (JsonNode fork : forks) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double weighted = 0;
                double count = 0;
                for (JsonNode bucket : iteration) {
                    if (bucket.size() != 2) {
                        throw bad("not JMH output: " + where + ".rawDataHistogram has a bucket that is not [value, count]");
                    }
                    double n = number(bucket.get(1), where + ".rawDataHistogram");
                    weighted += number(bucket.get(0), where + ".rawDataHistogram") * n;
                    count += n;
                }
                iterations.add(count == 0 ? Double.NaN : weighted / count);
            }
            result.add(iterations);
        }
        return result;
    }

    private RunSettings settings(JsonNode node, String prefix, String cell) throws BadInputException {
        return new RunSettings(count(node, prefix + "Iterations", 0, 0, cell),
                node.path(prefix + "Time").asText(""),
                count(node, prefix + "BatchSize", 1, 1, cell));
    }

    /**
     * A count JMH writes as a whole number ({@code threads}, {@code forks}, iteration counts): {@code absent} when
     * the field is missing, else it must be a whole number of at least {@code least}; anything else is a value
     * no report could mean, one error naming the cell and the field.
     */
    private int count(JsonNode node, String field, int absent, int least, String cell) throws BadInputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw bad("not JMH output: " + cell + " has \"" + field + "\": " + value + ", not a whole number");
        }
        if (value.intValue() < least) {
            throw bad("not JMH output: " + cell + " has \"" + field + "\": " + value.intValue() + "; it must be at least "
                    + least);
        }
        return value.intValue();
    }

    private static BenchmarkCell.JvmInfo jvmInfo(JsonNode node) {
        List<String> jvmArgs = new ArrayList<>();
        node.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
        return new BenchmarkCell.JvmInfo(node.path("jmhVersion").asText(""), node.path("jvm").asText(""),
                jvmArgs, node.path("jdkVersion").asText(""), node.path("vmName").asText(""),
                node.path("vmVersion").asText(""));
    }

    private double number(JsonNode value, String where) throws BadInputException {
        if (value == null || value.isNull()) {
            throw bad("not JMH output: " + where + " is missing");
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return numberFromText(value.asText(), where);
        }
        throw bad("not JMH output: " + where + " is " + describe(value) + ", not a number");
    }

    private double numberFromText(String text, String where) throws BadInputException {
        switch (text.trim()) {
            case "NaN":
                return Double.NaN;
            case "+INF": case "INF": case "Infinity": case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF": case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw bad("not JMH output: " + where + " is \"" + text + "\", not a number");
                }
        }
    }

    private String requiredText(JsonNode node, String field, String where) throws BadInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw bad("not JMH output: " + where + " has no \"" + field + "\" text");
        }
        return value.asText();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    private BadInputException bad(String problem) {
        return new BadInputException(source, problem);
    }
}
