package dev.mapbench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes JMH JSON and run folders with chosen per-fork values, for CLI tests. */
final class SyntheticRun {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ArrayNode results = MAPPER.createArrayNode();
    private final ObjectNode environment = MAPPER.createObjectNode();

    SyntheticRun() {
        environment.put("cpuModel", "Test CPU");
        environment.put("cores", 2);
        environment.put("gc", "G1");
        environment.putObject("jvm").put("vendor", "Eclipse Adoptium").put("version", "17.0.15");
        environment.putObject("git").put("commit", "abc1234").put("dirty", false);
        environment.put("runId", "synthetic");
        environment.put("startedAt", "2026-11-21T01:00:00Z");
    }

    /** Adds a workload cell; every fork has two iterations equal to the given fork value. */
    SyntheticRun cell(String strategy, int threads, double[] opsPerUs, double[] bytesPerOp) {
        ObjectNode cell = results.addObject();
        cell.put("jmhVersion", "1.37");
        cell.put("benchmark", "dev.mapbench.bench.MapWorkloadBenchmark.workload");
        cell.put("mode", "thrpt");
        cell.put("threads", threads);
        cell.put("forks", opsPerUs.length);
        cell.putObject("params").put("strategy", strategy).put("readPercent", "95");
        cell.set("primaryMetric", metric(opsPerUs, "ops/us"));
        cell.putObject("secondaryMetrics").set("gc.alloc.rate.norm", metric(bytesPerOp, "B/op"));
        return this;
    }

    SyntheticRun environment(String key, String value) {
        environment.put(key, value);
        return this;
    }

    private static ObjectNode metric(double[] forks, String unit) {
        ObjectNode metric = MAPPER.createObjectNode();
        metric.put("score", Arrays.stream(forks).average().orElse(0));
        metric.put("scoreError", "NaN");
        metric.put("scoreUnit", unit);
        ArrayNode raw = metric.putArray("rawData");
        for (double fork : forks) {
            raw.addArray().add(fork).add(fork);
        }
        return metric;
    }

    /** Writes a run folder (jmh-result.json + env.json) under {@code parent}. */
    Path writeRunFolder(Path parent, String name) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("jmh-result.json").toFile(), results);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("env.json").toFile(), environment);
        return folder;
    }

    static double[] forks(double... values) {
        return values;
    }

    static double[] times(double[] values, double factor) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }
}
