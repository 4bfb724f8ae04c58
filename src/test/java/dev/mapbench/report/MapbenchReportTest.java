package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.report.analysis.VerdictAnalysis;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.VerdictStatus;
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
    void verdictNamesTheFastestThreadSafeStrategyAndShowsTheOtherSlowerWithItsInterval() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        ResultSet results = JmhResultReader.read(List.of(run));
        List<WorkloadVerdict> verdicts = VerdictAnalysis.verdicts(results.cells(), new CoreCount(results, 64),
                VerdictSettings.defaults());
        assertEquals(2 * 2 * 3, verdicts.size(), "read ratios × sizes × threads");
        for (WorkloadVerdict verdict : verdicts) {
            assertEquals("CONCURRENT_HASHMAP", verdict.ranking().best().strategy(),
                    "UNSYNCHRONIZED_HASHMAP is faster but never ranked");
            assertEquals(2, verdict.ranking().strategies().size(), verdict.toString());
            StrategyVerdict other = verdict.ranking().of("SYNCHRONIZED_MAP");
            if (verdict.oversubscribed()) {
                assertEquals(VerdictStatus.UNDECIDED, other.status(), "oversubscribed workloads are never decided");
                assertTrue(other.method().startsWith("oversubscribed"), other.method());
                assertFalse(verdict.decided());
            } else {
                assertEquals(VerdictStatus.SLOWER, other.status(), other.toString());
                assertTrue(other.ratioLow() < other.ratioToBest() && other.ratioHigh() < 1, other.toString());
                assertTrue(other.method().startsWith("Welch t on log fork values"), other.method());
                assertTrue(verdict.decided());
            }
        }
        assertTrue(verdicts.stream().filter(verdict -> verdict.workload().threads() == 4)
                .allMatch(WorkloadVerdict::oversubscribed), "4 threads on the env.json's 2 cores");
        assertTrue(verdicts.stream().filter(verdict -> verdict.workload().threads() <= 2)
                .noneMatch(WorkloadVerdict::oversubscribed));
    }

    @Test
    void twoStrategiesAroundTheSameMeanWithOneForkEachAreUndecided() throws Exception {
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
        WorkloadVerdict verdict = VerdictAnalysis.verdicts(results.cells(), new CoreCount(results, 2),
                VerdictSettings.defaults()).get(0);
        StrategyVerdict second = verdict.ranking().strategies().get(1);
        assertEquals(VerdictStatus.UNDECIDED, second.status(), verdict.toString());
        assertTrue(second.method().contains("too few to test"), second.method());
        assertTrue(second.forksNeeded() >= 2, second.toString());

        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("0 of 1 workloads that do not oversubscribe the machine are decided"), page);
        List<String> csv = Files.readAllLines(out.resolve("verdicts.csv"));
        assertEquals("readPercent,size,keyDistribution,threads,oversubscribed,strategy,status,ratioToBest,ratioLow,"
                + "ratioHigh,forks", String.join(",", List.of(csv.get(0).split(",")).subList(0, 11)));
        assertEquals(3, csv.size(), "a header and one row per strategy");
        assertTrue(csv.get(2).startsWith("50,1000,UNIFORM,1,false,"), csv.get(2));
        assertTrue(csv.get(2).contains(",undecided,"), csv.get(2));
    }

    @Test
    void theVerdictTableShowsHowEachStrategyGotItsForks() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Files.writeString(run.resolve("forks.csv"), """
                order,cell,fork,round,reason,startedAt,seconds,score,unit
                1,CONCURRENT_HASHMAP-r100-s1000-UNIFORM-t1,1,1,round 1: first fork of every cell,2026-12-01T08:00:00Z,1.3,301.5,ops/us
                2,SYNCHRONIZED_MAP-r100-s1000-UNIFORM-t1,1,1,round 1: first fork of every cell,2026-12-01T08:00:01Z,1.3,90.25,ops/us
                3,CONCURRENT_HASHMAP-r100-s1000-UNIFORM-t1,2,2,round 2: leads open workload r100-s1000-UNIFORM-t1 (1 undecided),2026-12-01T08:00:03Z,1.3,299.0,ops/us
                """);
        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("r1 301.5, r2 299.0"), "the forks of CHM with their rounds");
        assertTrue(html.contains("last fork: round 2: leads open workload r100-s1000-UNIFORM-t1 (1 undecided)"), html);

        Files.writeString(run.resolve("forks.csv"), "order,cell\n1\n");
        var bad = ReportCliTest.report(run.toString(), "--out", temp.resolve("out2").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("forks.csv: not a mapbench forks.csv"), bad.stderr());
    }

    @Test
    void aMarginOutsideZeroToHundredIsBadInput() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        var result = ReportCliTest.report(run.toString(), "--out", temp.resolve("out").toString(), "--margin", "150");
        assertEquals(2, result.exitCode());
        assertFalse(Files.exists(temp.resolve("out")));
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
        assertTrue(html.contains("<td class=\"best\">CONCURRENT_HASHMAP<br>"),
                "best named in the verdict table, without an origin tag: every strategy of this run is a JDK one");
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
