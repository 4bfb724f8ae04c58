package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named workloads (presets and workload files) in the report: summary panel, verdict table, CSV, charts, roles. */
class NamedWorkloadReportTest {

    @TempDir
    Path temp;

    @Test
    void namedWorkloadsGetTheirOwnSummaryPanelVerdictRowsCsvRowsChartsAndRoleTable() throws Exception {
        SyntheticRun.Matrix matrix = SyntheticRun.Matrix.small();
        SyntheticRun synthetic = new SyntheticRun();
        Path run = synthetic.writeRun(temp.resolve("run"), matrix);
        synthetic.addNamed(run, matrix);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));

        int panel = html.indexOf("<div class=\"panel\" id=\"summary-named\">");
        assertTrue(panel > 0, "a named-workload panel in the summary");
        String named = html.substring(panel, html.indexOf("</div>\n  </div>", panel));
        for (String workload : List.of("cache", "counters", "config")) {
            assertTrue(named.contains(">" + workload + "</th>"), workload + " is a column group");
        }
        assertTrue(named.contains("id=\"sum-w-cache-t1-concurrent-hashmap\""), "a cell per workload, threads and strategy");
        assertTrue(named.contains("title=\"cache, 1 thread: "), "the preset's description on its header");

        try (Reader reader = Files.newBufferedReader(out.resolve("verdicts.csv"))) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
            List<CSVRecord> cache = rows.stream().filter(row -> row.get("workload").equals("cache")).toList();
            assertEquals(2 * 3, cache.size(), "two thread-safe strategies at three thread counts");
            assertTrue(cache.stream().allMatch(row -> row.get("readPercent").isEmpty() && row.get("size").isEmpty()));
            CSVRecord best = cache.stream().filter(row -> row.get("threads").equals("1")
                    && row.get("strategy").equals("CONCURRENT_HASHMAP")).findFirst().orElseThrow();
            assertEquals("best", best.get("status"));
            CSVRecord slower = cache.stream().filter(row -> row.get("threads").equals("1")
                    && row.get("strategy").equals("SYNCHRONIZED_MAP")).findFirst().orElseThrow();
            assertEquals("slower", slower.get("status"));
            assertTrue(rows.stream().anyMatch(row -> row.get("workload").equals("grid")), "grid rows stay");
        }
        assertTrue(html.contains("<td><b>counters</b></td>"), "the verdict table names the workload");

        assertTrue(Files.exists(out.resolve("charts/named-cache.svg")), "a chart per named workload");

        int roles = html.indexOf("<h3 id=\"roles\">");
        assertTrue(roles > 0, "the roles table");
        String table = html.substring(roles, html.indexOf("</table>", roles));
        assertTrue(table.contains("<td>config</td><td>2</td><td>CONCURRENT_HASHMAP</td><td>readers</td><td>1</td>"),
                "the preset names the roles and their threads: " + table);
        assertTrue(table.contains("<td>writer</td><td>1</td>"));
        assertTrue(java.util.regex.Pattern.compile("<td>readers</td><td>1</td><td>[^<]+</td><td>(89|90)\\.\\d %</td>")
                .matcher(table).find(), "the readers' share of the total, about 90 %: " + table);
        assertTrue(java.util.regex.Pattern.compile("<td>CONCURRENT_HASHMAP</td><td>readers</td>.*?<td class=\"num\">70\\.00"
                + "</td><td class=\"num\">410\\.0</td><td class=\"num\">2,500</td><td>ns/op</td>", java.util.regex.Pattern.DOTALL)
                .matcher(table).find(), "the readers' own p50, p99, p99.9 from the timed group: " + table);
        assertTrue(java.util.regex.Pattern.compile("<td>CONCURRENT_HASHMAP</td><td>writer</td>.*?<td class=\"num\">150\\.0"
                + "</td><td class=\"num\">1,900</td>", java.util.regex.Pattern.DOTALL).matcher(table).find(),
                "the writer's own: " + table);
        assertTrue(java.util.regex.Pattern.compile("<td>SYNCHRONIZED_MAP</td><td>readers</td>.*?<td class=\"num\">—</td>",
                java.util.regex.Pattern.DOTALL).matcher(table).find(), "an untimed strategy's roles say so: " + table);
        assertFalse(html.contains("<section id=\"latency\">"), "the timed roles are no read/write latency row");
    }

    @Test
    void aRunOfBothWritesKeepsThemApartInTheSummaryTheVerdictTableAndTheCsv() throws Exception {
        SyntheticRun.Matrix matrix = SyntheticRun.Matrix.small();
        SyntheticRun synthetic = new SyntheticRun();
        Path run = synthetic.writeRun(temp.resolve("run"), matrix);
        synthetic.addUpdates(run);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains(">0 % read, updates</th>") && html.contains(">0 % read, remove + insert</th>"),
                "both writes have their column group");
        try (Reader reader = Files.newBufferedReader(out.resolve("verdicts.csv"))) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
            List<CSVRecord> writing = rows.stream().filter(row -> row.get("readPercent").equals("0")).toList();
            assertEquals(writing.size() / 2, writing.stream().filter(row -> row.get("writes").equals("update")).count());
            assertEquals(writing.size() / 2, writing.stream().filter(row -> row.get("writes").equals("remove-insert"))
                    .count());
            assertTrue(rows.stream().filter(row -> row.get("readPercent").equals("100"))
                    .allMatch(row -> row.get("writes").isEmpty()), "a read-only workload has no writes");
        }
        int table = html.indexOf("<table class=\"sortable verdicts\">");
        assertTrue(html.indexOf("<td>0 <span class=\"how\">updates</span></td>", table) > 0,
                "the verdict table marks updates: " + html.substring(table, Math.min(html.length(), table + 3000)));
    }
}
