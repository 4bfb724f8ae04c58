package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.analysis.SummaryAnalysis;
import dev.mapbench.report.analysis.VerdictAnalysis;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Summary;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarySectionTest {

    private static final Pattern THROUGHPUT_CELL = Pattern.compile(
            "<td id=\"(sum-[a-z0-9-]+)\" style=\"[^\"]*\" title=\"[^\"]*\" class=\"([^\"]*)\" data-status=\"([^\"]*)\">([^<]*)<span");
    private static final Pattern BYTES_CELL = Pattern.compile(
            "<td id=\"(sum-[a-z0-9-]+)-bytes\" style=\"[^\"]*\" title=\"[^\"]*\" class=\"[^\"]*\">([^<]*)</td>");

    @TempDir
    Path temp;

    @Test
    void everySummaryCellShowsTheScoreAndBytesOfItsRowInResultsCsv() throws Exception {
        Path out = render(SyntheticRun.Matrix.small());
        String html = Files.readString(out.resolve("index.html"));
        Map<String, String> shown = cells(THROUGHPUT_CELL, html, 4);
        Map<String, String> bytesShown = cells(BYTES_CELL, html, 2);

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> expectedBytes = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(out.resolve(CsvReport.RESULTS_FILE))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (!row.get("benchmark").startsWith(dev.mapbench.workload.Benchmarks.WORKLOAD_CLASS) || !row.get("mode").equals("thrpt")) {
                    continue;
                }
                String id = "sum-" + Summary.Cell.slug("s" + row.get("size") + "-" + row.get("keyDistribution") + "-r"
                        + row.get("readPercent") + "-t" + row.get("threads") + "-" + row.get("strategy"));
                double score = Double.parseDouble(row.get("score"));
                if (row.get("metric").equals(CsvReport.PRIMARY)) {
                    expected.put(id, dev.mapbench.report.model.Numbers.compact(score));
                } else if (row.get("metric").equals("gc.alloc.rate.norm")) {
                    expectedBytes.put(id, dev.mapbench.report.model.Numbers.number(score));
                }
            }
        }
        assertEquals(3 * 2 * 2 * 3, expected.size(), "strategies × read ratios × sizes × threads in results.csv");
        assertEquals(expected, shown, "each heatmap cell prints its results.csv score");
        assertEquals(expectedBytes, bytesShown, "each bytes cell prints its results.csv gc.alloc.rate.norm");
    }

    @Test
    void summaryComesFirstMarksTheBestAndTheOversubscribedColumnsAndLinksTheGuideToItsCells() throws Exception {
        Path out = render(SyntheticRun.Matrix.small());
        String html = Files.readString(out.resolve("index.html"));
        int summary = html.indexOf("<section id=\"summary\">");
        assertTrue(summary > 0 && summary < html.indexOf("<section id=\"verdicts\">"), "the summary is the first section");
        assertTrue(summary < html.indexOf("<section id=\"charts\">"));

        Matcher cells = THROUGHPUT_CELL.matcher(html);
        int best = 0;
        while (cells.find()) {
            if (cells.group(2).contains("best")) {
                best++;
                assertTrue(cells.group(1).endsWith("-concurrent-hashmap"), "synthetic ConcurrentHashMap leads: " + cells.group(1));
                assertEquals("best", cells.group(3));
            }
            if (cells.group(1).contains("-t4-")) {
                assertTrue(cells.group(2).contains("over"), "4 threads on 2 cores: " + cells.group(1));
            }
        }
        assertEquals(2 * 2 * 3, best, "one best per workload (read ratios × sizes × threads)");
        assertTrue(html.contains("<th class=\"threads over\" title=\"4 threads, oversubscribed"), "the column head says so");

        Pattern guideLink = Pattern.compile("<a href=\"#(sum-[a-z0-9-]+)\" class=\"cells\" data-cells=\"([^\"]+)\">");
        Matcher links = guideLink.matcher(section(html));
        int sentences = 0;
        while (links.find()) {
            sentences++;
            for (String id : links.group(2).split(" ")) {
                assertTrue(html.contains("<td id=\"" + id + "\""), "the guide links a cell that exists: " + id);
            }
        }
        assertTrue(sentences >= 2, "the guide has sentences that link their cells");
    }

    @Test
    void guideNamesTheStrategyBestInEveryWorkloadOfABandAndTheOneThatCollapses() throws Exception {
        // Four forks each, clearly apart: ConcurrentHashMap leads every workload, copy-on-write falls far
        // behind once half the operations write.
        SyntheticRun.Matrix matrix = new SyntheticRun.Matrix(List.of("CONCURRENT_HASHMAP", "COPY_ON_WRITE"),
                List.of(100, 50), List.of(100000L), List.of("UNIFORM"), List.of(1, 2), 4, 2, false);
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), matrix);
        ResultSet results = JmhResultReader.read(List.of(run));
        CoreCount cores = new CoreCount(results, 2);
        dev.mapbench.stats.VerdictSettings settings = dev.mapbench.stats.VerdictSettings.defaults();
        Summary summary = SummaryAnalysis.of(results.cells(), VerdictAnalysis.verdicts(results.cells(), cores, settings), cores,
                settings.margin());
        List<String> text = summary.guide().stream().map(Summary.Sentence::text).toList();
        for (String scope : List.of("In uncontended read-mostly workloads (100 % reads, 1 thread; 1 workload",
                "In contended read-mostly workloads (100 % reads, 2 threads; 1 workload")) {
            assertTrue(text.stream().anyMatch(sentence -> sentence.startsWith(scope)
                    && sentence.contains("CONCURRENT_HASHMAP is best or equivalent (within ±10 %) in every one")),
                    "1-thread and contended workloads are spoken of apart: " + text);
        }
        assertTrue(text.stream().anyMatch(sentence -> sentence.startsWith("COPY_ON_WRITE collapses as writes grow: 10× or more"
                + " below the best in every workload at 50 % reads or fewer (2)")), text.toString());
        Summary.Sentence collapse = summary.guide().stream()
                .filter(sentence -> sentence.text().startsWith("COPY_ON_WRITE collapses")).findFirst().orElseThrow();
        assertEquals(2, collapse.cellIds().size(), "it rests on the two 50 %-read cells");
        assertTrue(collapse.cellIds().stream().allMatch(id -> id.contains("-r50-") && id.endsWith("copy-on-write")));

        // The guide states the margin the verdicts were decided with, not a fixed one.
        dev.mapbench.stats.VerdictSettings wide = settings.withMargin(0.25);
        List<String> wider = SummaryAnalysis.of(results.cells(), VerdictAnalysis.verdicts(results.cells(), cores, wide), cores,
                wide.margin()).guide().stream().map(Summary.Sentence::text).toList();
        assertTrue(wider.stream().anyMatch(sentence -> sentence.contains("(within ±25 %)")), wider.toString());
        assertTrue(wider.stream().noneMatch(sentence -> sentence.contains("±10 %")), wider.toString());
    }

    @Test
    void foreignJsonHasNoSummary() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(dev.mapbench.results.Fixtures.fixture("foreign/strings-jmh1.37.json").toString(),
                "--out", out.toString()).exitCode());
        assertFalse(Files.readString(out.resolve("index.html")).contains("<section id=\"summary\">"));
    }

    private Path render(SyntheticRun.Matrix matrix) throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), matrix);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        return out;
    }

    private static Map<String, String> cells(Pattern pattern, String html, int valueGroup) {
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            cells.put(matcher.group(1), matcher.group(valueGroup).replace("&lt;", "<"));
        }
        return cells;
    }

    private static String section(String html) {
        int start = html.indexOf("<section id=\"summary\">");
        return html.substring(start, html.indexOf("</section>", start));
    }
}
