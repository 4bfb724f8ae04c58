package dev.mapbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes synthetic mapbench run folders in JMH's JSON shape (jmh-result.json, env.json), for tests
 * and for timing the report on large inputs. The numbers are made up, deterministically (seeded):
 * ConcurrentHashMap is the fastest strategy by a wide margin in read-heavy workloads.
 *
 * <p>Timing run: {@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * dev.mapbench.report.SyntheticRun <folder> 10000} prints the cell count it wrote.
 */
public final class SyntheticRun {

    static final List<String> ALL_STRATEGIES = List.of("CONCURRENT_HASHMAP", "RWLOCK_HASHMAP", "STAMPED_LOCK",
            "SYNCHRONIZED_MAP", "WRAPPER_LAYER", "COPY_ON_WRITE", "UNSYNCHRONIZED_HASHMAP");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The matrix to generate. */
    public record Matrix(List<String> strategies, List<Integer> readPercents, List<Long> sizes,
            List<String> keyDistributions, List<Integer> threads, int forks, int cores, boolean withCalibration) {

        /** A small matrix: 3 strategies, 2 read ratios, 2 sizes, 1 distribution, threads 1/2/4 on 2 cores, 5 forks. */
        public static Matrix small() {
            return new Matrix(List.of("CONCURRENT_HASHMAP", "SYNCHRONIZED_MAP", "UNSYNCHRONIZED_HASHMAP"),
                    List.of(100, 0), List.of(1000L, 100000L), List.of("UNIFORM"), List.of(1, 2, 4), 5, 2, true);
        }

        int cellCount() {
            return strategies.size() * readPercents.size() * sizes.size() * keyDistributions.size() * threads.size()
                    + (withCalibration ? 2 : 0);
        }
    }

    private final Random random = new Random(42);

    /** Writes {@code folder}/jmh-result.json and env.json for the matrix; returns the folder. */
    public Path writeRun(Path folder, Matrix matrix) throws IOException {
        Files.createDirectories(folder);
        ArrayNode cells = MAPPER.createArrayNode();
        forEachCell(matrix, cells::add);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("jmh-result.json").toFile(), cells);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("env.json").toFile(), environment(matrix));
        return folder;
    }

    /**
     * Adds named-workload cells to the run in {@code folder}: {@code cache} and {@code counters} at every thread
     * count of the matrix (one mix for every thread), and {@code config} at 2 threads as a JMH group of its two roles
     * (readers and a writer, the group's methods as secondary results), with CONCURRENT_HASHMAP's roles also timed
     * ({@code rolesLatency}, SampleTime). CONCURRENT_HASHMAP is fastest in each.
     */
    public void addNamed(Path folder, Matrix matrix) throws IOException {
        ArrayNode cells = (ArrayNode) MAPPER.readTree(folder.resolve("jmh-result.json").toFile());
        for (String workload : List.of("cache", "counters")) {
            for (int threads : matrix.threads()) {
                for (String strategy : matrix.strategies()) {
                    ObjectNode cell = cell("dev.mapbench.bench.MapOperationBenchmark.operation", threads, matrix.forks(),
                            namedThroughput(strategy, threads), "ops/us", 16);
                    cell.putObject("params").put("strategy", strategy).put("workload", workload);
                    cells.add(cell);
                }
            }
        }
        for (String strategy : matrix.strategies()) {
            double total = namedThroughput(strategy, 2);
            ObjectNode cell = cell("dev.mapbench.bench.MapOperationBenchmark.roles", 2, matrix.forks(), total, "ops/us", 8);
            cell.putObject("params").put("strategy", strategy).put("workload", "config");
            ObjectNode secondary = (ObjectNode) cell.get("secondaryMetrics");
            secondary.set("first", metric(matrix.forks(), total * 0.9, 0.02, "ops/us"));
            secondary.set("second", metric(matrix.forks(), total * 0.1, 0.02, "ops/us"));
            cells.add(cell);
        }
        // config's roles timed (SampleTime), for CONCURRENT_HASHMAP only: the other strategies' roles stay untimed
        ObjectNode timed = cell("dev.mapbench.bench.MapOperationBenchmark.rolesLatency", 2, 1, 90, "ns/op", 8);
        timed.put("mode", "sample");
        timed.putObject("params").put("strategy", "CONCURRENT_HASHMAP").put("workload", "config");
        ObjectNode secondary = (ObjectNode) timed.get("secondaryMetrics");
        secondary.set("firstLatency", latency(70, 410, 2500));
        secondary.set("secondLatency", latency(150, 1900, 12000));
        cells.add(timed);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("jmh-result.json").toFile(), cells);
    }

    /** Adds, for every grid cell that writes, its twin whose writes are updates ({@code writes=UPDATE}), 1.5× faster. */
    public void addUpdates(Path folder) throws IOException {
        ArrayNode cells = (ArrayNode) MAPPER.readTree(folder.resolve("jmh-result.json").toFile());
        List<ObjectNode> twins = new ArrayList<>();
        cells.forEach(node -> {
            if (node.path("benchmark").asText().endsWith("MapWorkloadBenchmark.operate")
                    && !node.at("/params/readPercent").asText().equals("100")) {
                ObjectNode twin = node.deepCopy();
                ((ObjectNode) twin.get("params")).put("writes", "UPDATE");
                double score = node.at("/primaryMetric/score").asDouble();
                twin.set("primaryMetric", metric(node.path("forks").asInt(), score * 1.5, 0.02, "ops/us"));
                twins.add(twin);
            }
        });
        twins.forEach(cells::add);
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("jmh-result.json").toFile(), cells);
    }

    private static double namedThroughput(String strategy, int threads) {
        return (strategy.equals("CONCURRENT_HASHMAP") ? 40.0 : 10.0 / (1 + ALL_STRATEGIES.indexOf(strategy))) * threads;
    }

    /** Every cell of the matrix as a JMH JSON object. */
    void forEachCell(Matrix matrix, Consumer<ObjectNode> sink) {
        for (String distribution : matrix.keyDistributions()) {
            for (long size : matrix.sizes()) {
                for (int readPercent : matrix.readPercents()) {
                    for (int threads : matrix.threads()) {
                        for (int index = 0; index < matrix.strategies().size(); index++) {
                            String strategy = matrix.strategies().get(index);
                            double base = baseThroughput(strategy, readPercent, size, threads, matrix.cores());
                            ObjectNode cell = cell("dev.mapbench.bench.MapWorkloadBenchmark.operate", threads, matrix.forks(), base,
                                    "ops/us", writeBytes(strategy, size) * (100 - readPercent) / 100.0);
                            ObjectNode params = cell.putObject("params");
                            params.put("strategy", strategy);
                            params.put("readPercent", String.valueOf(readPercent));
                            params.put("size", String.valueOf(size));
                            params.put("keyDistribution", distribution);
                            sink.accept(cell);
                        }
                    }
                }
            }
        }
        if (matrix.withCalibration()) {
            ObjectNode calibration = cell("dev.mapbench.bench.CalibrationBenchmark.hashMapGet", 1, matrix.forks(), 120.0, "ops/us", 0);
            calibration.putObject("params").put("size", "1000");
            sink.accept(calibration);
            ObjectNode bareConcurrent = cell("dev.mapbench.bench.CalibrationBenchmark.concurrentHashMapGet", 1,
                    matrix.forks(), 110.0, "ops/us", 0);
            bareConcurrent.putObject("params").put("size", "1000");
            sink.accept(bareConcurrent);
        }
    }

    /** A JMH-shaped cell: score is the mean of forks × 3 iterations drawn around {@code mean} (±2 %). */
    ObjectNode cell(String benchmark, int threads, int forks, double mean, String unit, double bytesPerOp) {
        ObjectNode cell = MAPPER.createObjectNode();
        cell.put("jmhVersion", "1.37");
        cell.put("benchmark", benchmark);
        cell.put("mode", "thrpt");
        cell.put("threads", threads);
        cell.put("forks", forks);
        cell.put("jvm", "/usr/lib/jvm/java-17/bin/java");
        cell.putArray("jvmArgs").add("-Xmx2g");
        cell.put("jdkVersion", "17.0.15");
        cell.put("vmName", "OpenJDK 64-Bit Server VM");
        cell.put("vmVersion", "17.0.15+6");
        cell.put("warmupIterations", 3);
        cell.put("warmupTime", "1 s");
        cell.put("warmupBatchSize", 1);
        cell.put("measurementIterations", 3);
        cell.put("measurementTime", "1 s");
        cell.put("measurementBatchSize", 1);
        cell.set("primaryMetric", metric(forks, mean, 0.02, unit));
        ObjectNode secondary = cell.putObject("secondaryMetrics");
        secondary.set("gc.alloc.rate.norm", metric(forks, bytesPerOp, 0.001, "B/op"));
        if (bytesPerOp > 0) {
            secondary.set("gc.count", metric(forks, 3, 0.3, "counts"));
            secondary.set("gc.time", metric(forks, 4, 0.3, "ms"));
        } else {
            secondary.set("gc.count", metric(forks, 0, 0, "counts")); // no GC: JMH writes no gc.time
        }
        return cell;
    }

    /** A SampleTime metric in ns/op with these percentiles. */
    private ObjectNode latency(double p50, double p99, double p999) {
        ObjectNode metric = metric(1, p50, 0.02, "ns/op");
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        percentiles.put("0.0", p50 / 2);
        percentiles.put("50.0", p50);
        percentiles.put("90.0", p50 * 2);
        percentiles.put("99.0", p99);
        percentiles.put("99.9", p999);
        percentiles.put("100.0", p999 * 4);
        return metric;
    }

    private ObjectNode metric(int forks, double mean, double spread, String unit) {
        List<Double> all = new ArrayList<>();
        ObjectNode metric = MAPPER.createObjectNode();
        ArrayNode raw = MAPPER.createArrayNode();
        for (int fork = 0; fork < forks; fork++) {
            ArrayNode iterations = raw.addArray();
            for (int iteration = 0; iteration < 3; iteration++) {
                double value = mean * (1 + spread * (random.nextDouble() * 2 - 1));
                iterations.add(value);
                all.add(value);
            }
        }
        double score = all.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double deviation = Math.sqrt(all.stream().mapToDouble(v -> (v - score) * (v - score)).sum() / Math.max(1, all.size() - 1));
        double error = all.size() > 1 ? 3.3 * deviation / Math.sqrt(all.size()) : Double.NaN;
        metric.put("score", score);
        if (Double.isFinite(error)) {
            metric.put("scoreError", error);
            metric.putArray("scoreConfidence").add(score - error).add(score + error);
        } else {
            metric.put("scoreError", "NaN");
            metric.putArray("scoreConfidence").add("NaN").add("NaN");
        }
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        percentiles.put("0.0", score);
        percentiles.put("50.0", score);
        percentiles.put("100.0", score);
        metric.put("scoreUnit", unit);
        metric.set("rawData", raw);
        return metric;
    }

    private static double baseThroughput(String strategy, int readPercent, long size, int threads, int cores) {
        double single = switch (strategy) {
            case "CONCURRENT_HASHMAP" -> 80;
            case "UNSYNCHRONIZED_HASHMAP" -> 110;
            case "STAMPED_LOCK" -> 45;
            case "RWLOCK_HASHMAP" -> 30;
            case "COPY_ON_WRITE" -> readPercent == 100 ? 75 : 2;
            default -> 25;
        };
        double scaling = strategy.equals("CONCURRENT_HASHMAP") || strategy.equals("UNSYNCHRONIZED_HASHMAP")
                ? Math.min(threads, cores) : 1.0 / Math.sqrt(threads);
        double sizePenalty = 1.0 / (1 + Math.log10(size) / 10);
        return single * scaling * sizePenalty * (0.6 + 0.4 * readPercent / 100.0);
    }

    private static double writeBytes(String strategy, long size) {
        return switch (strategy) {
            case "COPY_ON_WRITE" -> 48.0 * size;
            case "CONCURRENT_HASHMAP" -> 16;
            default -> 32;
        };
    }

    private static ObjectNode environment(Matrix matrix) {
        ObjectNode env = MAPPER.createObjectNode();
        ObjectNode jvm = env.putObject("jvm");
        jvm.put("vendor", "Synthetic");
        jvm.put("version", "17.0.15");
        jvm.put("name", "OpenJDK 64-Bit Server VM");
        jvm.put("home", "/usr/lib/jvm/java-17");
        env.put("gc", "G1");
        env.putArray("jvmArgs").add("-Xmx2g");
        env.put("heapMaxBytes", 2147483648L);
        env.put("cores", matrix.cores());
        env.put("cpuModel", "synthetic test data, not a measurement");
        ObjectNode os = env.putObject("os");
        os.put("name", "Linux");
        os.put("version", "6.1");
        os.put("arch", "amd64");
        ObjectNode git = env.putObject("git");
        git.put("commit", "0000000");
        git.put("dirty", false);
        env.put("effort", "synthetic");
        ArrayNode threads = env.putArray("threads");
        matrix.threads().forEach(threads::add);
        env.put("forks", matrix.forks());
        env.put("warmupIterations", 3);
        env.put("measurementIterations", 3);
        env.put("shard", "1/1");
        env.put("startedAt", "2026-11-22T00:00:00Z");
        env.put("finishedAt", "2026-11-22T01:00:00Z");
        env.put("runId", "synthetic");
        return env;
    }

    /** Writes a run folder of about {@code args[1]} cells (default 10,000) into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<Integer> threads = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        // 7 strategies × 5 read ratios × 2 distributions = 70 cells per (size, threads) pair.
        int pairs = (int) Math.ceil(wanted / 70.0);
        int threadCounts = (int) Math.ceil(Math.sqrt(pairs));
        for (int t = 1; t <= threadCounts; t++) {
            threads.add(t);
        }
        for (int s = 0; s < Math.ceil((double) pairs / threadCounts); s++) {
            sizes.add((long) Math.pow(10, 1 + s * 0.5));
        }
        Matrix matrix = new Matrix(ALL_STRATEGIES, List.of(100, 95, 75, 50, 0), sizes, List.of("UNIFORM", "ZIPFIAN"),
                threads, 3, 2, true);
        new SyntheticRun().writeRun(Path.of(args[0]), matrix);
        System.out.println("cells: " + matrix.cellCount());
    }
}
