package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapbenchReportTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    Path temp;

    @Test
    void verdictNamesTheFastestThreadSafeStrategyWithASignificantMargin() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        ResultSet results = JmhResultReader.read(List.of(run));
        List<Verdict> verdicts = VerdictAnalysis.verdicts(results.cells(), new CoreCount(results, 64));
        assertEquals(2 * 2 * 3, verdicts.size(), "read ratios × sizes × threads");
        for (Verdict verdict : verdicts) {
            assertEquals("CONCURRENT_HASHMAP", verdict.bestStrategy(), "UNSYNCHRONIZED_HASHMAP is faster but never wins");
            assertEquals("SYNCHRONIZED_MAP", verdict.runnerUp().orElseThrow().params().get("strategy"));
            assertTrue(verdict.decision().significant());
            assertTrue(verdict.decision().method().startsWith("Mann–Whitney U on per-fork means"), verdict.decision().method());
            assertTrue(verdict.marginPercent() > 100 && verdict.marginErrorPercent() > 0);
        }
        assertTrue(verdicts.stream().filter(verdict -> verdict.workload().threads() == 4).allMatch(Verdict::oversubscribed),
                "4 threads on the env.json's 2 cores");
        assertTrue(verdicts.stream().filter(verdict -> verdict.workload().threads() <= 2).noneMatch(Verdict::oversubscribed));
    }

    @Test
    void overlappingIntervalsWithFewForksAreNoSignificantDifference() throws Exception {
        // Two strategies measured around the same mean, one fork each: their CIs overlap.
        SyntheticRun generator = new SyntheticRun();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode cells = mapper.createArrayNode();
        for (String strategy : List.of("RWLOCK_HASHMAP", "SYNCHRONIZED_MAP")) {
            ObjectNode cell = generator.cell("dev.mapbench.bench.MapWorkloadBenchmark.operate", 1, 1, 20.0, "ops/us", 16);
            cell.putObject("params").put("strategy", strategy).put("readPercent", "50").put("size", "1000")
                    .put("keyDistribution", "UNIFORM");
            cells.add(cell);
        }
        Path run = Files.createDirectories(temp.resolve("run"));
        mapper.writeValue(run.resolve("jmh-result.json").toFile(), cells);
        ResultSet results = JmhResultReader.read(List.of(run));
        Verdict verdict = VerdictAnalysis.verdicts(results.cells(), new CoreCount(results, 2)).get(0);
        assertFalse(verdict.decision().significant(), verdict.toString());
        assertEquals("99.9 % CIs overlap", verdict.decision().method());

        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        assertTrue(Files.readString(out.resolve("index.html")).contains("no significant difference"));
    }

    @Test
    void mapbenchRunGetsVerdictsChartsEnvironmentCorrectnessAndFlameGraphLinks() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Files.createDirectories(run.resolve("profiles/0001-CONCURRENT_HASHMAP-r100-s1000-UNIFORM-t1"));
        Files.writeString(run.resolve("profiles/0001-CONCURRENT_HASHMAP-r100-s1000-UNIFORM-t1/cpu.html"), "<html></html>");
        Path correctness = temp.resolve("hazard-rates.json");
        Files.writeString(correctness, """
                {"generatedAt": "2026-11-22T03:00:00Z", "jvm": "17.0.15", "cores": 2, "hazards": [
                  {"hazard": "lost-updates", "strategy": "UNSYNCHRONIZED_HASHMAP", "observed": true, "trials": 200,
                   "seconds": 1.5, "rate": 37.5, "rateUnit": "lost entries per round", "detail": "8 threads x 1000 puts"}]}
                """);
        Path out = run.resolve("report");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString(), "--correctness", correctness.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.indexOf("id=\"verdicts\"") < html.indexOf("id=\"charts\""), "verdict table first");
        assertTrue(html.contains("<td class=\"best\">CONCURRENT_HASHMAP <span class=\"group\">jdk</span></td>"));
        assertTrue(html.contains("oversubscribed"));
        assertTrue(html.contains("Harness overhead"));
        assertTrue(html.contains("lost entries per round"));
        assertTrue(html.contains("cpuModel") && html.contains("synthetic test data, not a measurement"), "env.json shown");
        assertTrue(html.contains("href=\"../profiles/0001-CONCURRENT_HASHMAP-r100-s1000-UNIFORM-t1/cpu.html\""), html);
        for (String chart : List.of("throughput-r100-s1000-uniform-thrpt", "size-r100-uniform-thrpt",
                "alloc-op-r100-uniform-thrpt", "gc-time-r0-uniform-thrpt", "alloc-write-uniform", "calibration")) {
            assertTrue(html.contains("charts/" + chart + ".svg"), chart);
            assertTrue(Files.exists(out.resolve("charts/" + chart + ".svg")), chart);
        }
        String throughput = Files.readString(out.resolve("charts/throughput-r100-s1000-uniform-thrpt.svg"));
        assertTrue(throughput.contains("threads &gt; cores (oversubscribed)"), "shaded region is labelled");
        assertTrue(throughput.contains("UNSYNCHRONIZED_HASHMAP (not thread-safe)"));
    }

    @Test
    void killedRunWithOnlyCellsIsReported() throws Exception {
        Path complete = new SyntheticRun().writeRun(temp.resolve("complete"), SyntheticRun.Matrix.small());
        Path killed = Files.createDirectories(temp.resolve("killed/cells"));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode cells = (ArrayNode) mapper.readTree(complete.resolve("jmh-result.json").toFile());
        for (int index = 0; index < 5; index++) {
            ArrayNode single = mapper.createArrayNode().add(cells.get(index));
            mapper.writeValue(killed.resolve(String.format("%04d-cell.json", index + 1)).toFile(), single);
        }
        Files.copy(complete.resolve("env.json"), killed.resolveSibling("env.json"));
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(killed.getParent().toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.readString(out.resolve("index.html")).contains("5 cells from 5 file(s)"));
    }

    @Test
    void hostileParamValuesRenderAsTextInHtmlAndSvg() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        SyntheticRun generator = new SyntheticRun();
        ArrayNode cells = mapper.createArrayNode();
        generator.forEachCell(SyntheticRun.Matrix.small(), cell -> {
            ((ObjectNode) cell.get("params")).put("keyDistribution", HOSTILE);
            cells.add(cell);
        });
        for (int size : new int[] {10, 100}) {
            ObjectNode foreign = generator.cell("org.example." + HOSTILE + ".bench", 1, 1, 5.0, "ops/s", 0);
            foreign.putObject("params").put("size", String.valueOf(size)).put("label", HOSTILE);
            cells.add(foreign);
        }
        Path input = temp.resolve("hostile.json");
        mapper.writeValue(input.toFile(), cells);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(input.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());

        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains(HOSTILE), "the script tag never reaches the page as markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        int hostileCharts = 0;
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            for (Path svg : charts.filter(path -> path.toString().endsWith(".svg")).toList()) {
                String text = Files.readString(svg);
                assertFalse(text.contains("<script"), svg.toString());
                hostileCharts += text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") ? 1 : 0;
            }
        }
        assertTrue(hostileCharts >= 2, "the hostile value appears, escaped, in chart titles and legends");
    }

    @Test
    void withoutEnvJsonOversubscriptionIsJudgedAgainstThisMachineAndSaysSo() throws IOException {
        Path input = temp.resolve("bare.json");
        ArrayNode cells = new ObjectMapper().createArrayNode();
        new SyntheticRun().forEachCell(SyntheticRun.Matrix.small(), cells::add);
        new ObjectMapper().writeValue(input.toFile(), cells);
        ResultSet results;
        try {
            results = JmhResultReader.read(List.of(input));
        } catch (dev.mapbench.results.BadInputException e) {
            throw new AssertionError(e);
        }
        CoreCount cores = new CoreCount(results, 3);
        assertTrue(cores.anyFromLocalMachine());
        assertTrue(cores.note().contains("this machine's 3 cores"));
        assertTrue(results.cells().stream().filter(cell -> cell.threads() == 4).allMatch(cores::oversubscribed));
        assertTrue(results.cells().stream().filter(cell -> cell.threads() == 2).noneMatch(cores::oversubscribed));
    }
}
