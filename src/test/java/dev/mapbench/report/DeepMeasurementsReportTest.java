package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.analysis.LatencyAnalysis;
import dev.mapbench.report.model.Latency;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency, GC sweep and flame-graph sections, from a trimmed real run folder
 * (fixtures/runs/deep-measurements: one matrix cell, two latency cells, a G1 and a ZGC sweep cell, profiles).
 */
class DeepMeasurementsReportTest {

    @TempDir
    Path temp;

    private Path copyOfFixtureRun() throws IOException, URISyntaxException {
        return ReportFixtures.copyOfRun("deep-measurements", temp);
    }

    private static String reportOf(Path run) {
        return ReportFixtures.reportOf(run);
    }

    private static String section(String html, String id) {
        return ReportFixtures.section(html, id);
    }

    @Test
    void latencyRowsCarryTheReadAndWritePercentilesSeparately() throws Exception {
        ResultSet results = JmhResultReader.read(List.of(copyOfFixtureRun()));
        List<Latency.Row> rows = LatencyAnalysis.rows(results.cells());
        assertEquals(4, rows.size(), "2 strategies × read and write");
        Latency.Row read = rows.stream().filter(row -> row.strategy().equals("RWLOCK_HASHMAP")
                && row.kind() == Latency.Kind.READ).findFirst().orElseThrow();
        Latency.Row write = rows.stream().filter(row -> row.strategy().equals("RWLOCK_HASHMAP")
                && row.kind() == Latency.Kind.WRITE).findFirst().orElseThrow();
        // The fixture's secondaryMetrics.read / .write scorePercentiles, not the mixed primary's.
        assertEquals(List.of(40.0, 50.0, 1624.9999999999927, 40695.04000000004, 4104192.0), read.percentiles());
        assertEquals(7725056.0, write.percentiles().get(4));
        assertEquals(1, read.readers());
        assertEquals(1, read.writers());
    }

    @Test
    void pageShowsLatencyPercentilesPerKindAndKeepsLatencyAndGcCellsOutOfTheVerdicts() throws Exception {
        String html = reportOf(copyOfFixtureRun());
        String latency = section(html, "latency");
        assertTrue(latency.contains("share of reader threads"), "readPercent explained");
        assertTrue(latency.contains("<td>RWLOCK_HASHMAP</td><td>read</td>"), latency);
        assertTrue(latency.contains("<td>RWLOCK_HASHMAP</td><td>write</td>"), latency);
        assertTrue(latency.contains("<td class=\"num\">40,695</td>"), "RWLOCK read p99.9");
        assertTrue(latency.contains("<td class=\"num\">7,725,056</td>"), "RWLOCK write max");
        assertTrue(latency.contains("charts/latency-rw-uniform-s100-t2-r50.svg"));

        String verdicts = section(html, "verdicts");
        assertTrue(verdicts.contains("CONCURRENT_HASHMAP"), "the matrix cell's verdict");
        assertFalse(verdicts.contains("sample time") || verdicts.contains("readWrite") || verdicts.contains("COPY_ON_WRITE"),
                "no latency or GC sweep cell in the verdict table: " + verdicts);
        assertFalse(section(html, "charts").contains("MapLatencyBenchmark"), "no generic chart of the mixed primary");
    }

    @Test
    void gcSweepTableShowsEachCollectorsThroughputGcFiguresAndPauses() throws Exception {
        String sweep = section(reportOf(copyOfFixtureRun()), "gc-sweep");
        assertTrue(sweep.contains("COPY_ON_WRITE, 95 % read, size 100, UNIFORM, 2 threads"), sweep);
        assertTrue(sweep.contains("concurrent cycles"), "ZGC gc.time note");
        // G1: 3 pauses, max 6.81 ms; Z: 12 pauses, max 0.014 ms (gc-pauses/*.json); Z's gc.time 91 ms.
        assertTrue(sweep.matches("(?s).*<td>G1</td>.*<td class=\"num\">3</td>\\s*<td class=\"num\">6.810</td>.*"), sweep);
        assertTrue(sweep.matches("(?s).*<td>Z</td>.*91.00 ms.*<td class=\"num\">12</td>\\s*<td class=\"num\">0.014</td>.*"), sweep);
        assertTrue(sweep.contains("B/op"));
    }

    @Test
    void flameGraphsAreLinkedPerCellRelativeToTheRunFolder() throws Exception {
        Path run = copyOfFixtureRun();
        String flames = section(reportOf(run), "flame-graphs");
        for (String cell : List.of("0001-LATENCY-RWLOCK_HASHMAP-r50-s100-UNIFORM-t2", "0004-GC-Z-COPY_ON_WRITE-r95-s100-UNIFORM-t2")) {
            for (String graph : List.of("cpu.html", "alloc.html")) {
                String href = "../profiles/" + cell + "/" + graph;
                assertTrue(flames.contains("href=\"" + href + "\""), href);
                assertTrue(Files.exists(run.resolve("report").resolve(href)), "the link resolves: " + href);
            }
        }
    }

    @Test
    void gcSweepCellOversubscribedOnTheMeasuringMachineIsMarked() throws Exception {
        Path run = copyOfFixtureRun();
        Path env = run.resolve("env.json");
        Files.writeString(env, Files.readString(env).replaceFirst("\"cores\" : 2", "\"cores\" : 1"));
        String html = reportOf(run);
        assertTrue(section(html, "gc-sweep").contains("badge over"));
        assertTrue(section(html, "latency").contains("badge over"));
    }

    @Test
    void hostileStrategyNameInLatencyAndGcSweepCellsShowsAsText() throws Exception {
        Path run = copyOfFixtureRun();
        try (Stream<Path> cells = Files.list(run.resolve("cells"))) {
            for (Path cell : cells.filter(file -> file.toString().contains("LATENCY-RWLOCK") || file.toString().contains("GC-Z")).toList()) {
                Files.writeString(cell, Files.readString(cell).replace("\"RWLOCK_HASHMAP\"", "\"<script>alert(1)</script>\"")
                        .replace("\"COPY_ON_WRITE\"", "\"<script>alert(2)</script>\""));
            }
        }
        String html = reportOf(run);
        assertFalse(html.contains("<script>alert("), "no raw script tag");
        assertTrue(section(html, "latency").contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(section(html, "gc-sweep").contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    }
}
