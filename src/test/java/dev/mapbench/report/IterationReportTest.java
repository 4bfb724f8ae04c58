package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.report.analysis.IterationAnalysis;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.IterationResults;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.VerdictStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The iteration section, from a trimmed real run folder (fixtures/runs/iteration: one matrix cell and five
 * iteration cells at 10 000 entries, 1 iterator + 1 writer: RWLock, ConcurrentHashMap, copy-on-write and
 * synchronizedMap consuming, ConcurrentHashMap serialising to JSON).
 */
class IterationReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RWLOCK_CELL = "0001-ITERATION-RWLOCK_HASHMAP-CONSUME-s10000-i1r0w1-t2.json";

    @TempDir
    Path temp;

    private Path copyOfFixtureRun() throws IOException, URISyntaxException {
        return ReportFixtures.copyOfRun("iteration", temp);
    }

    private static String reportOf(Path run) {
        return ReportFixtures.reportOf(run);
    }

    private static String section(String html, String id) {
        return ReportFixtures.section(html, id);
    }

    private static IterationResults results(Path run) throws Exception {
        var read = JmhResultReader.read(List.of(run));
        return IterationAnalysis.of(read.cells(), new CoreCount(read, 2), VerdictSettings.defaults());
    }

    private static IterationResults.Row row(IterationResults results, String strategy, String visit) {
        return results.rows().stream().filter(row -> row.strategy().equals(strategy) && row.visit().equals(visit))
                .findFirst().orElseThrow();
    }

    /** Edits one cell file of the run in place. */
    private static void editCell(Path run, String fileName, java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path file = run.resolve("cells").resolve(fileName);
        ArrayNode cells = (ArrayNode) JSON.readTree(file.toFile());
        edit.accept((ObjectNode) cells.get(0));
        JSON.writeValue(file.toFile(), cells);
    }

    @Test
    void rowsCarryWalkAndWriterPercentilesAndWhatTheWalksSaw() throws Exception {
        IterationResults results = results(copyOfFixtureRun());

        assertEquals(5, results.rows().size());
        IterationResults.Row rwlock = row(results, "RWLOCK_HASHMAP", "CONSUME");
        // secondaryMetrics.iterate / .write scorePercentiles of the fixture, not the group's mixed primary
        assertEquals(79.744, rwlock.walkPercentiles().get(0));
        assertEquals(27.990368000024464, rwlock.writeP999());
        assertEquals(2540, rwlock.walks());
        assertEquals(0, rwlock.racedWalks());
        assertEquals(9_999, rwlock.heldMin());
        IterationResults.Row chm = row(results, "CONCURRENT_HASHMAP", "CONSUME");
        assertEquals(91, chm.mixedViews());
        assertEquals(100.0, chm.mixedPercentOfRaced());
        assertTrue(chm.visitedOutsideHeld(), "9,997-10,001 entries visited while the map held 9,999-10,000");
        assertEquals(480_287.492, row(results, "CONCURRENT_HASHMAP", "JSON").allocPerWalk().orElseThrow().score(), 0.001);
    }

    @Test
    void guaranteeIsSaidFromTheCountsWeaklyConsistentSnapshotOrExclusive() throws Exception {
        IterationResults results = results(copyOfFixtureRun());

        assertEquals("weakly consistent: 91 of 1353 walks (6.7 %) saw a state the map never held; walks visited "
                + "9,997–10,001 entries while the map held 9,999–10,000", row(results, "CONCURRENT_HASHMAP", "CONSUME").guarantee());
        assertEquals("a snapshot: all 4966 views were states the map held, though writes landed during 77 of the walks",
                row(results, "COPY_ON_WRITE", "CONSUME").guarantee());
        assertTrue(row(results, "RWLOCK_HASHMAP", "CONSUME").guarantee().startsWith("exclusive: all 2540 views"));
        assertTrue(row(results, "SYNCHRONIZED_MAP", "CONSUME").guarantee().startsWith("exclusive: all 4257 views"));
    }

    @Test
    void verdictNamesFastestWalkLeastWriterStallAndWhoseViewsWereConsistent() throws Exception {
        IterationResults results = results(copyOfFixtureRun());

        assertEquals(2, results.workloads().size(), "consume and JSON at 10 000, 1 + 0 + 1");
        IterationResults.Verdict consume = results.workloads().get(0).verdict();
        assertEquals("COPY_ON_WRITE", consume.fastest().strategy());
        // one fork each: no claim rests on one fork unless the gap is 20x or more, so 300 vs 210 us and
        // ConcurrentHashMap's 1,095 us (5x) are open until a second fork a side confirms them
        assertEquals("SYNCHRONIZED_MAP", consume.runnerUp().orElseThrow().strategy());
        assertEquals(VerdictStatus.UNDECIDED, consume.runnerUp().orElseThrow().status());
        assertEquals(VerdictStatus.UNDECIDED, consume.ranking().of("CONCURRENT_HASHMAP").status());
        assertTrue(consume.ranking().of("CONCURRENT_HASHMAP").method().contains("must confirm it"));
        assertTrue(results.method().startsWith("A sample is one fork"), results.method());
        assertEquals("CONCURRENT_HASHMAP", consume.leastStall().orElseThrow().strategy());
        assertEquals(List.of("COPY_ON_WRITE", "RWLOCK_HASHMAP", "SYNCHRONIZED_MAP"), consume.consistent());
        assertEquals(List.of("CONCURRENT_HASHMAP"), consume.mixed());
        assertTrue(results.workloads().get(1).verdict().runnerUp().isEmpty(), "one strategy serialised to JSON");
    }

    @Test
    void pageHasTheIterationSectionWithItsChartsAndKeepsIterationCellsOutOfTheVerdictsAndGenericCharts()
            throws Exception {
        Path run = copyOfFixtureRun();
        String html = reportOf(run);
        String iteration = section(html, "iteration");

        assertTrue(html.contains("<a href=\"#iteration\">Iteration</a>"), "nav link");
        assertTrue(iteration.contains("<td class=\"best\">COPY_ON_WRITE</td>"), iteration);
        assertTrue(iteration.contains("<td class=\"num\">1.430 × [0.715, 2.859]</td>"), "SYNCHRONIZED_MAP's walk over COPY_ON_WRITE's");
        assertTrue(iteration.contains("<span class=\"badge no\">undecided</span>"), iteration);
        assertTrue(iteration.contains("weakly consistent: 91 of 1353 walks (6.7 %)"), iteration);
        assertTrue(iteration.contains("<strong>9,997–10,001 (mean 9,999)</strong>"), "visited outside what the map held");
        assertTrue(iteration.contains("<td class=\"num\">27.99</td>"), "RWLock writer p99.9");
        assertTrue(iteration.contains("480,287 ± "), "JSON bytes per walk");
        for (String chart : List.of("iteration-walk-consume-s10000-i1r0w1", "iteration-write-consume-s10000-i1r0w1",
                "iteration-write-json-s10000-i1r0w1")) {
            assertTrue(iteration.contains("charts/" + chart + ".svg"), chart);
            assertTrue(Files.size(run.resolve("report/charts/" + chart + ".svg")) > 1_000, chart);
        }
        assertFalse(iteration.contains("iteration-cost-"), "one size: no cost-against-size chart");

        String verdicts = section(html, "verdicts");
        assertTrue(verdicts.contains("CONCURRENT_HASHMAP"), "the matrix cell's verdict");
        assertFalse(verdicts.contains("COPY_ON_WRITE") || verdicts.contains("MapIterationBenchmark")
                || verdicts.contains("ITERATION"), verdicts);
        assertFalse(section(html, "charts").contains("MapIterationBenchmark"), "no generic chart of the mixed primary");
    }

    @Test
    void secondSizeAddsTheWalkCostAgainstSizeChart() throws Exception {
        Path run = copyOfFixtureRun();
        Path cells = run.resolve("cells");
        Files.copy(cells.resolve(RWLOCK_CELL), cells.resolve("0006-ITERATION-RWLOCK_HASHMAP-CONSUME-s100-i1r0w1-t2.json"));
        editCell(run, "0006-ITERATION-RWLOCK_HASHMAP-CONSUME-s100-i1r0w1-t2.json",
                cell -> ((ObjectNode) cell.get("params")).put("size", "100"));

        String iteration = section(reportOf(run), "iteration");

        assertTrue(iteration.contains("charts/iteration-cost-consume-i1r0w1.svg"), iteration);
        assertTrue(Files.size(run.resolve("report/charts/iteration-cost-consume-i1r0w1.svg")) > 1_000);
    }

    @Test
    void cellWithoutTheProfilersFiguresSaysSoInsteadOfAGuarantee() throws Exception {
        Path run = copyOfFixtureRun();
        editCell(run, RWLOCK_CELL, cell -> ((ObjectNode) cell.get("secondaryMetrics"))
                .retain("iterate", "write"));

        String iteration = section(reportOf(run), "iteration");

        assertTrue(iteration.contains("not measured (no iteration.* figures"), iteration);
        assertTrue(iteration.contains("exclusive: all 4257 views"), "the other cells keep theirs");
    }

    @Test
    void oversubscribedCellsAndHostileStrategyNamesAreMarkedAndEscaped() throws Exception {
        Path run = copyOfFixtureRun();
        Path env = run.resolve("env.json");
        Files.writeString(env, Files.readString(env).replaceFirst("\"cores\" : 2", "\"cores\" : 1"));
        Path cell = run.resolve("cells").resolve(RWLOCK_CELL);
        Files.writeString(cell, Files.readString(cell).replace("\"RWLOCK_HASHMAP\"", "\"<script>alert(3)</script>\""));

        String html = reportOf(run);

        assertFalse(html.contains("<script>alert("), "no raw script tag");
        String iteration = section(html, "iteration");
        assertTrue(iteration.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), iteration);
        assertTrue(iteration.contains("badge over"), "2 threads on 1 core");
    }

    @Test
    void sharesKeepRareEventsVisible() {
        assertEquals("6.7 %", Numbers.share(100.0 * 91 / 1353));
        assertEquals("0.018 %", Numbers.share(100.0 * 142 / 794_623));
        assertEquals("99.982 %", Numbers.share(100 - 100.0 * 142 / 794_623));
        assertEquals("100.0 %", Numbers.share(100));
        assertEquals("0.0 %", Numbers.share(0));
    }
}
