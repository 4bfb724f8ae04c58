package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.cli.ReportCli;
import dev.mapbench.compare.RunComparator;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.text.ComparisonText;
import dev.mapbench.results.ForksCsv;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.Json;
import dev.mapbench.results.ResultSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two shards measured on different CPU models: merged, read, compared and reported without one label for both. */
class ShardedMergeEnvironmentsTest {

    private static final String WORKLOAD = "dev.mapbench.bench.MapWorkloadBenchmark.operation";
    private static final String CALIBRATION = "dev.mapbench.bench.CalibrationBenchmark.hashMapGet";

    @TempDir
    Path temp;

    @Test
    void shardsWithDifferentCpuModelsAreReportedAsSuch() throws Exception {
        // Shard 1 ran workload r100 (so its calibration copy is the one kept); shard 2 ran r95.
        Path one = shard("one", "1/2", "AMD EPYC 7B13", 300,
                "0000-CALIBRATION-s100-UNIFORM-t1.json", "0002-COPY_ON_WRITE-r100-s100-UNIFORM-t1.json",
                "0003-CONCURRENT_HASHMAP-r100-s100-UNIFORM-t1.json");
        Path two = shard("two", "2/2", "Intel Xeon Platinum 8375C", 200,
                "0000-CALIBRATION-s100-UNIFORM-t1.json", "0004-COPY_ON_WRITE-r95-s100-UNIFORM-t1.json",
                "0005-CONCURRENT_HASHMAP-r95-s100-UNIFORM-t1.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path merged = ShardMerge.merge(mergeSettings(one, two), new PrintStream(console, true));

        assertTrue(console.toString().contains("WARNING: shards measured on different machines or JVMs: cpuModel: "
                + "1/2 AMD EPYC 7B13, 2/2 Intel Xeon Platinum 8375C"), console.toString());
        JsonNode env = Json.mapper().readTree(merged.resolve("env.json").toFile());
        assertEquals("mixed: AMD EPYC 7B13 (1/2), Intel Xeon Platinum 8375C (2/2)", env.path("cpuModel").asText());
        assertEquals("cpuModel: 1/2 AMD EPYC 7B13, 2/2 Intel Xeon Platinum 8375C",
                env.path("environmentsDiffer").get(0).asText());
        assertEquals("Intel Xeon Platinum 8375C",
                Json.mapper().readTree(merged.resolve("shards/2/env.json").toFile()).path("cpuModel").asText());
        assertEquals(List.of("0000-CALIBRATION-s100-UNIFORM-t1.json", "0002-COPY_ON_WRITE-r100-s100-UNIFORM-t1.json",
                "0003-CONCURRENT_HASHMAP-r100-s100-UNIFORM-t1.json"), texts(env.path("shards").get(0).path("cells")));
        assertTrue(Files.exists(merged.resolve("shards/2/cells/0000-CALIBRATION-s100-UNIFORM-t1.json")),
                "shard 2's own ruler is kept");
        assertEquals(300.0, Json.mapper().readTree(merged.resolve("cells/0000-CALIBRATION-s100-UNIFORM-t1.json")
                .toFile()).get(0).at("/primaryMetric/score").asDouble(), "calibration from the shard of the r100 cells");

        List<String> forkRows = Files.readAllLines(merged.resolve("forks.csv"));
        assertEquals(1 + 5, forkRows.size(), "every workload cell's forks and one shard's ruler: " + forkRows);
        assertTrue(forkRows.stream().anyMatch(row -> row.startsWith("1,CALIBRATION-s100-UNIFORM-t1,1,1,first round of one")),
                String.join("\n", forkRows));
        assertTrue(forkRows.stream().noneMatch(row -> row.contains("CALIBRATION") && row.contains("of two")),
                "shard 2's ruler forks stay with shard 2's copy");
        assertTrue(Files.exists(merged.resolve("forks/0004-COPY_ON_WRITE-r95-s100-UNIFORM-t1/fork-01.json")));

        ResultSet results = JmhResultReader.read(List.of(merged));
        assertEquals(5, results.cells().size());
        assertEquals(2, results.distinctEnvironments().size());
        results.cells().stream().filter(cell -> cell.param("readPercent").orElse("").equals("95"))
                .forEach(cell -> assertEquals("Intel Xeon Platinum 8375C", results.environmentOf(cell).orElseThrow()
                        .property("cpuModel").orElseThrow(), cell.benchmark()));

        RunSide side = RunSideReader.fromResults(results, "merged");
        assertTrue(side.environment().get("cpuModel").startsWith("mixed: AMD EPYC 7B13 | Intel Xeon"),
                side.environment().toString());
        Comparison comparison = new RunComparator(GateSettings.defaults()).compare(side, side);
        assertTrue(comparison.mixedOrigins());
        String text = ComparisonText.render(comparison);
        assertTrue(text.contains("baseline: 6 cell metrics measured on shard 1/2, AMD EPYC 7B13, JVM 17.0.15"), text);
        assertTrue(text.contains("baseline: 4 cell metrics measured on shard 2/2, Intel Xeon Platinum 8375C, JVM 17.0.15"),
                text);
        assertTrue(text.contains("strategy=COPY_ON_WRITE readPercent=95 size=100 keyDistribution=UNIFORM threads=1 "
                + "[shard 2/2, Intel Xeon Platinum 8375C, JVM 17.0.15]"),
                text);

        Path report = temp.resolve("report");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, ReportCli.run(new PrintWriter(out), new PrintWriter(err), merged.toString(), "--out",
                report.toString()), err.toString());
        String html = Files.readString(report.resolve("index.html"));
        assertTrue(html.contains("Cells from different machines or JVMs"), "mixed machines flagged");
        assertTrue(html.contains("cpuModel: AMD EPYC 7B13 | Intel Xeon Platinum 8375C"), "both CPU models named");
        assertTrue(html.contains("shards/1/env.json (3 cells)") && html.contains("shards/2/env.json (2 cells)"),
                "each shard's environment with its own cells");
    }

    @Test
    void aCellWhoseSidesCameFromDifferentMachinesIsNotGated() throws Exception {
        Path fast = shard("fast", "1/1", "AMD EPYC 7B13", 300, "0002-COPY_ON_WRITE-r100-s100-UNIFORM-t1.json");
        Path slow = shard("slow", "1/1", "Intel Xeon Platinum 8375C", 150, "0002-COPY_ON_WRITE-r100-s100-UNIFORM-t1.json");
        RunSide base = RunSideReader.read(List.of(fast));
        RunSide cand = RunSideReader.read(List.of(slow));
        Comparison comparison = new RunComparator(GateSettings.defaults()).compare(base, cand);
        CellComparison cell = comparison.cells().get(0);
        assertTrue(cell.notGatedReason().startsWith("different machines: baseline AMD EPYC 7B13"), cell.notGatedReason());
        assertTrue(!comparison.hasRegression(), "a 50 % drop across CPU models is the hardware, not a verdict");
    }

    @Test
    void otherForkArgumentsAreAnotherEnvironmentToTheMergeTheComparisonAndTheReport() throws Exception {
        Path one = shard("one", "1/2", "AMD EPYC 7B13", List.of("-Xmx1g"), 300,
                "0000-CALIBRATION-s100-UNIFORM-t1.json", "0002-COPY_ON_WRITE-r100-s100-UNIFORM-t1.json");
        Path two = shard("two", "2/2", "AMD EPYC 7B13", List.of("-Xmx1g", "-XX:-UseCompressedOops"), 300,
                "0000-CALIBRATION-s100-UNIFORM-t1.json", "0004-COPY_ON_WRITE-r95-s100-UNIFORM-t1.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path merged = ShardMerge.merge(mergeSettings(one, two), new PrintStream(console, true));
        assertTrue(console.toString().contains("different machines or JVMs: jvmArgs: 1/2 -Xmx1g, "
                + "2/2 -Xmx1g -XX:-UseCompressedOops"), console.toString());
        assertTrue(Json.readTree(merged.resolve("env.json")).path("jvmArgs").isNull(),
                "the merged env.json claims no one set of fork arguments for both shards");

        Comparison comparison = new RunComparator(GateSettings.defaults()).compare(RunSideReader.read(List.of(one)),
                RunSideReader.read(List.of(two)));
        assertEquals(List.of("jvmArgs: baseline -Xmx1g vs candidate -Xmx1g -XX:-UseCompressedOops"),
                comparison.environmentWarnings());

        Path report = temp.resolve("report");
        assertEquals(0, ReportCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                merged.toString(), "--out", report.toString()));
        assertTrue(Files.readString(report.resolve("index.html")).contains("jvmArgs: -Xmx1g | -Xmx1g -XX:-UseCompressedOops"),
                "the report flags the shards as different environments");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private Path shard(String name, String shard, String cpuModel, double score, String... cellFiles) throws IOException {
        return shard(name, shard, cpuModel, List.of("-Xms1g", "-Xmx1g"), score, cellFiles);
    }

    private Path shard(String name, String shard, String cpuModel, List<String> jvmArgs, double score,
            String... cellFiles) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("cells"));
        ObjectNode env = Json.mapper().createObjectNode();
        env.put("runId", name).put("effort", "full").put("cores", 2).put("cpuModel", cpuModel).put("shard", shard)
                .put("gc", "G1").put("cellsPlanned", cellFiles.length).put("include", (String) null)
                .put("startedAt", "2026-12-01T02:00:00Z").put("finishedAt", "2026-12-01T03:00:00Z");
        env.putArray("threads").add(1);
        env.putArray("strategies").add("COPY_ON_WRITE").add("CONCURRENT_HASHMAP");
        env.putObject("jvm").put("vendor", "Eclipse Adoptium").put("version", "17.0.15");
        jvmArgs.forEach(env.putArray("jvmArgs")::add);
        Files.writeString(folder.resolve("env.json"), env.toPrettyString());
        StringBuilder forksCsv = new StringBuilder(String.join(",", ForksCsv.HEADER)).append("\n");
        int order = 1;
        for (String file : cellFiles) {
            Files.writeString(folder.resolve("cells").resolve(file), cellJson(file, score));
            String id = file.replaceFirst("^\\d{4}-", "").replace(".json", "");
            Path forks = Files.createDirectories(folder.resolve("forks").resolve(file.replace(".json", "")));
            Files.writeString(forks.resolve("fork-01.json"), "[]");
            forksCsv.append(order++).append(',').append(id).append(",1,1,first round of ").append(name)
                    .append(",2026-12-01T02:00:00Z,2.0,").append(score).append(",ops/us\n");
        }
        Files.writeString(folder.resolve("forks.csv"), forksCsv.toString());
        return folder;
    }

    /** A JMH JSON array with one cell of six forks, named by its mapbench file name. */
    private static String cellJson(String file, double score) {
        ArrayNode array = Json.mapper().createArrayNode();
        ObjectNode cell = array.addObject();
        boolean calibration = file.contains("CALIBRATION");
        cell.put("jmhVersion", "1.37").put("benchmark", calibration ? CALIBRATION : WORKLOAD).put("mode", "thrpt")
                .put("threads", 1).put("forks", 6);
        ObjectNode params = cell.putObject("params");
        if (!calibration) {
            String[] parts = file.replaceFirst("^\\d{4}-", "").split("-");
            params.put("strategy", parts[0]).put("readPercent", parts[1].substring(1));
        }
        params.put("size", "100").put("keyDistribution", "UNIFORM");
        metric(cell.putObject("primaryMetric"), score, "ops/us", 1);
        metric(cell.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm"), 0.001, "B/op", 0);
        return array.toPrettyString();
    }

    private static void metric(ObjectNode metric, double score, String unit, double spread) {
        metric.put("score", score).put("scoreError", "NaN").put("scoreUnit", unit);
        ArrayNode raw = metric.putArray("rawData");
        for (int fork = 0; fork < 6; fork++) {
            raw.addArray().add(score + spread * fork).add(score - spread * fork);
        }
    }

    private BenchSettings mergeSettings(Path... folders) {
        Properties properties = new Properties();
        properties.setProperty("bench.merge", folders[0] + "," + folders[1]);
        properties.setProperty("bench.results", temp.resolve("out").toString());
        properties.setProperty("bench.runId", "merged");
        return BenchSettings.from(properties, 2);
    }
}
