package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.ReportCli;
import dev.mapbench.compare.HistoryCsv;
import dev.mapbench.report.model.CellHistory;
import dev.mapbench.report.model.HistoryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --history}: shifted cells get a chart with the shift marked; every cell is listed. */
class HistorySectionTest {

    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String STEADY = "MapWorkloadBenchmark.operation thrpt strategy=CONCURRENT_HASHMAP threads=1";
    private static final String SLOWED = "MapWorkloadBenchmark.operation thrpt strategy=COPY_ON_WRITE threads=1";

    @TempDir
    Path temp;

    /** Night {@code night} (1-based) of a cell whose median is {@code median} with a ± 2 % CI. */
    private static HistoryRow night(int night, String cell, double median) {
        return new HistoryRow(LocalDate.of(2026, 11, night), "c0ffee" + night, "nightly-" + night, "env-a", cell, "score",
                "ops/us", median, median * 0.98, median * 1.02, 0.969, 6);
    }

    private Path history(List<HistoryRow> rows) throws IOException {
        Path file = temp.resolve("history.csv");
        HistoryCsv.append(file, rows);
        return file;
    }

    private String report(Path history) throws IOException {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString(), "--history", history.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        return Files.readString(out.resolve("index.html"));
    }

    @Test
    void shiftedCellIsChartedWithTheShiftMarkedAndSteadyCellIsOnlyListed() throws Exception {
        List<HistoryRow> rows = new ArrayList<>();
        for (int night = 1; night <= 4; night++) {
            rows.add(night(night, STEADY, 100 + night % 2));
            rows.add(night(night, SLOWED, night < 4 ? 80 : 56));
        }
        String html = report(history(rows));
        String section = FootprintSectionTest.section(html, "history");
        assertTrue(html.contains("<a href=\"#history\">History</a>"));
        assertTrue(section.contains("2 cell metrics, <strong>1</strong> of which shifted"), section);

        Path charts = temp.resolve("out/charts");
        assertTrue(section.contains("<figure id=\"history-1\">"), "the shifted cell's chart");
        assertFalse(Files.exists(charts.resolve("history-2.svg")), "no chart for the steady cell");
        String svg = Files.readString(charts.resolve("history-1.svg"));
        assertTrue(section.contains("strategy&#x3D;COPY_ON_WRITE"), "titled by its cell");
        assertTrue(svg.contains("shift 2026-11-04: -30.0 % (median CIs disjoint)"), "the shift is a labelled point");
        assertTrue(svg.contains("2026-11-04 nightly-4"), "nights named by date and run id");

        String summary = Files.readString(charts.resolve("history-summary.svg"));
        assertTrue(section.contains("Cell metrics that shifted, per night") && summary.contains("worse (CIs disjoint"));
        assertTrue(section.contains("<figure id=\"history-summary\">"));

        assertTrue(section.contains("<td class=\"num\">1</td><td>2026-11-04: -30.0 % (median CIs disjoint)</td>\n"
                + "        <td><a href=\"#history-1\">chart</a></td>"), "table row of the shifted cell links its chart");
        assertTrue(section.contains("strategy&#x3D;CONCURRENT_HASHMAP threads&#x3D;1</td>"), "steady cell listed");
        assertTrue(section.contains("<td class=\"num\">0</td><td>—</td>\n        <td></td>"), "steady cell: no shift, no chart");
    }

    @Test
    void chartsAreCappedAndTheSectionSaysHowMany() throws Exception {
        List<HistoryRow> rows = new ArrayList<>();
        int shifted = CellHistory.CHART_LIMIT + 6;
        for (int night = 1; night <= 2; night++) {
            for (int cell = 0; cell < shifted; cell++) {
                rows.add(night(night, "cell-" + cell, night == 1 ? 100 : 50 + cell));
            }
        }
        String section = FootprintSectionTest.section(report(history(rows)), "history");
        assertTrue(section.contains(CellHistory.CHART_LIMIT + " of " + shifted + " are drawn"), section);
        assertTrue(Files.exists(temp.resolve("out/charts/history-" + CellHistory.CHART_LIMIT + ".svg")));
        assertFalse(Files.exists(temp.resolve("out/charts/history-" + (CellHistory.CHART_LIMIT + 1) + ".svg")));
        // The largest changes are drawn first: cell-0 moved by -50 %, the last cell least.
        assertTrue(Files.readString(temp.resolve("out/charts/history-1.svg")).contains("-50.0 %"));
    }

    @Test
    void hostileCellNameRendersAsTextInPageAndChart() throws Exception {
        String cell = "Bench.run " + HOSTILE;
        String html = report(history(List.of(night(1, cell, 100), night(2, cell, 60))));
        String section = FootprintSectionTest.section(html, "history");
        assertFalse(section.contains(HOSTILE));
        assertTrue(section.contains("Bench.run &lt;script&gt;alert(1)&lt;/script&gt;"), section);
        String svg = Files.readString(temp.resolve("out/charts/history-1.svg"));
        assertFalse(svg.contains(HOSTILE));
        assertFalse(svg.contains("<script"));
    }

    @Test
    void badHistoryExitsTwoWithOneLineNamingIt() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path missing = temp.resolve("no-history.csv");
        Path wrongHeader = Files.writeString(temp.resolve("wrong.csv"), "a,b,c\n1,2,3\n");
        Path badRow = Files.writeString(temp.resolve("bad-row.csv"), String.join(",", HistoryCsv.HEADER)
                + "\n2026-11-01,c,r,e,cell,score,ops/us,not-a-number,1,2,0.9,6\n");
        for (Path history : List.of(missing, wrongHeader, badRow)) {
            ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", temp.resolve("out").toString(),
                    "--history", history.toString());
            assertEquals(ReportCli.BAD_INPUT, result.exitCode(), history.toString());
            assertEquals(1, result.stderrLines().size(), result.stderr());
            assertTrue(result.stderrLines().get(0).startsWith("error: " + history + ": "), result.stderr());
            assertFalse(Files.exists(temp.resolve("out")));
        }
        assertEquals(List.of("error: " + missing + ": no such file"), ReportCliTest.report(run.toString(), "--out",
                temp.resolve("out").toString(), "--history", missing.toString()).stderrLines());
        assertTrue(ReportCliTest.report(run.toString(), "--out", temp.resolve("out").toString(), "--history",
                badRow.toString()).stderr().contains(": line 2: not a history row"));
    }
}
