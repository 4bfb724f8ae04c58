package dev.mapbench.report;

import static dev.mapbench.results.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.ReportCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportCliTest {

    @TempDir
    Path temp;

    /** The outcome of one in-process run of the CLI. */
    record Run(int exitCode, String stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        String lastStdoutLine() {
            List<String> lines = stdout.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /**
     * Runs the CLI in-process. Without an explicit --correctness, an empty correctness file is passed,
     * so tests never pick up (or race with) target/correctness/hazard-rates.json of the build.
     */
    static Run report(String... args) {
        List<String> arguments = new java.util.ArrayList<>(List.of(args));
        if (!arguments.contains("--correctness")) {
            arguments.add("--correctness");
            arguments.add(noHazards().toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReportCli.run(new PrintWriter(out), new PrintWriter(err), arguments.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private static Path noHazards() {
        try {
            Path file = Files.createTempFile("no-hazards", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, "{\"generatedAt\": \"2026-11-22T00:00:00Z\", \"jvm\": \"test\", \"cores\": 2, \"hazards\": []}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"strings-jmh1.36.json", "strings-jmh1.37.json", "queues-jmh1.35.json", "queues-jmh1.37.json",
        "text-jmh1.36.json", "text-jmh1.37.json"})
    void foreignJmhJsonGetsGenericReportWithCharts(String name) throws IOException {
        Path out = temp.resolve("out");
        Run run = report(fixture("foreign/" + name).toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("report: " + out.toAbsolutePath().resolve("index.html"), run.lastStdoutLine());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Generic report"), "foreign JSON has no verdict table");
        List<String> charts = chartReferences(html);
        assertTrue(charts.size() >= 3, "the page shows charts: " + charts);
        assertTrue(charts.stream().anyMatch(chart -> chart.contains("-gc-alloc-rate-norm-")), "an allocation chart: " + charts);
        for (String chart : charts) {
            String svg = Files.readString(out.resolve(chart));
            assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), chart);
            assertFalse(Files.exists(out.resolve(chart.replace(".svg", ".png"))), "PNG only on request: " + chart);
        }
        assertTrue(html.contains("org.example."), "benchmark tables name the benchmarks");
        assertTrue(Files.exists(out.resolve("results.csv")) && Files.exists(out.resolve("samples.csv")));
        assertTrue(html.contains("<a href=\"raw/001-" + name + "\">raw/001-" + name + "</a>"), "links the raw JSON copy");
        assertFalse(html.contains(fixture("foreign/" + name).toAbsolutePath().toString()), "no path of the rendering machine");
        assertTrue(Files.exists(out.resolve("raw/001-" + name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text-jmh1.36.json", "text-jmh1.37.json"})
    void textOnlyParamsAreGroupedBarsAndEveryGcProfilerFigureIsCharted(String name) throws IOException {
        Path out = temp.resolve("out");
        Run run = report(fixture("foreign/" + name).toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> charts = chartReferences(Files.readString(out.resolve("index.html")));
        String join = "charts/generic-org-example-text-joinbenchmark-join-thrpt-";
        for (String chart : List.of("container", "separator", "gc-alloc-rate-norm-container", "gc-alloc-rate-container",
                "gc-count-container", "gc-time-container")) {
            assertTrue(charts.contains(join + chart + ".svg"), chart + " in " + charts);
        }
        String allocation = Files.readString(out.resolve(join + "gc-alloc-rate-norm-container.svg"));
        assertTrue(allocation.contains(">ArrayList<") && allocation.contains(">LinkedList<"), "one bar group per text value");
        assertTrue(allocation.contains("separator=comma") && allocation.contains("separator=pipe"), "one bar per other value");
    }

    /** Slow (about 3 s, every chart drawn twice): left out of {@code -Pquick}. */
    @Test
    @Tag("slow")
    void pngCopiesOfEveryChartAreDrawnOnRequestForSlides() throws IOException {
        Path out = temp.resolve("out");
        Run run = report(fixture("foreign/strings-jmh1.37.json").toString(), "--out", out.toString(), "--png");
        assertEquals(0, run.exitCode(), run.stderr());
        String html = Files.readString(out.resolve("index.html"));
        List<String> charts = chartReferences(html);
        assertFalse(charts.isEmpty());
        for (String chart : charts) {
            String png = chart.replace(".svg", ".png");
            assertTrue(Files.size(out.resolve(png)) > 1000, "PNG for slides: " + png);
            assertTrue(html.contains("<a href=\"" + png + "\">PNG</a>"), "linked from its caption: " + png);
        }
    }

    @Test
    void groupAndSampleTimeBenchmarksAreChartedFromTheirOwnMetrics() throws IOException {
        Path out = temp.resolve("out");
        report(fixture("foreign/queues-jmh1.37.json").toString(), "--out", out.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("offer "), "group method scores in the table");
        String groupChart = Files.readString(out.resolve(
                "charts/generic-org-example-queues-handoffbenchmark-handoff-thrpt-capacity.svg"));
        assertTrue(groupChart.contains("offer: kind=clq") && groupChart.contains("poll: kind=abq"));
        String percentiles = Files.readString(out.resolve(
                "charts/generic-org-example-queues-soloqueuebenchmark-offerpoll-sample-percentiles.svg"));
        assertTrue(percentiles.contains("p99.9"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad/empty.json", "bad/truncated.json", "bad/not-jmh.json", "bad/mixed-units.json",
        "bad/negative-threads.json", "bad/negative-forks.json", "bad/negative-iterations.json"})
    void badInputExitsTwoWithOneLineNamingTheFileAndLeavesOutputAlone(String name) throws IOException {
        Path input = fixture(name);
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("previous-report.txt"), "kept");
        Run run = report(input.toString(), "--out", out.toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertEquals(1, run.stderrLines().size(), run.stderr());
        assertTrue(run.stderrLines().get(0).startsWith("error: " + input + ": "), run.stderr());
        assertEquals("", run.stdout());
        assertEquals("kept", Files.readString(out.resolve("previous-report.txt")));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(List.of(out), siblings.toList(), "no staging folder left behind");
        }
    }

    @Test
    void valuesNoReportCouldMeanAreOneLineNamingTheFileTheCellAndTheField() throws IOException {
        Path threads = fixture("bad/negative-threads.json");
        Run run = report(threads.toString(), "--out", temp.resolve("out").toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertEquals(List.of("error: " + threads + ": not JMH output: result 1 (org.example.Bad.get) has \"threads\": -4; "
                + "it must be at least 1"), run.stderrLines());
        Path iterations = fixture("bad/negative-iterations.json");
        run = report(iterations.toString(), "--out", temp.resolve("out").toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertTrue(run.stderrLines().get(0).endsWith("has \"measurementIterations\": -5; it must be at least 0"),
                run.stderr());
    }

    @Test
    void missingFileAndFolderWithoutResultsAreBadInput() throws IOException {
        Path missing = temp.resolve("no-such.json");
        Run run = report(missing.toString(), "--out", temp.resolve("out").toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertEquals(List.of("error: " + missing + ": no such file or folder"), run.stderrLines());

        Path emptyRun = Files.createDirectories(temp.resolve("empty-run"));
        run = report(emptyRun.toString(), "--out", temp.resolve("out").toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertEquals(1, run.stderrLines().size());
        assertTrue(run.stderrLines().get(0).startsWith("error: " + emptyRun + ": no results"), run.stderr());
        assertFalse(Files.exists(temp.resolve("out")), "nothing written on bad input");
    }

    @Test
    void unreadableFileIsBadInput() throws IOException {
        Path locked = Files.copy(fixture("foreign/strings-jmh1.37.json"), temp.resolve("locked.json"));
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
        Run run = report(locked.toString(), "--out", temp.resolve("out").toString());
        assertEquals(ReportCli.BAD_INPUT, run.exitCode());
        assertEquals(List.of("error: " + locked + ": cannot read file: permission denied"), run.stderrLines());
    }

    @Test
    void duplicateCellsAcrossInputsAreListedInTheReport() throws IOException {
        Path original = fixture("foreign/strings-jmh1.37.json");
        Path rerun = Files.copy(original, temp.resolve("rerun.json"));
        Path out = temp.resolve("out");
        Run run = report(original.toString(), rerun.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Duplicate cells"));
        // JMustache escapes "=" too (&#x3D;), harmlessly.
        assertTrue(html.contains("org.example.strings.ConcatBenchmark.plus [thrpt, threads&#x3D;1, flavour&#x3D;plain, length&#x3D;4]"));
        assertTrue(html.contains("<td>" + rerun + "</td><td>" + original + "</td>"), "the later input is used");
    }

    @Test
    void replacesAnExistingReportOnlyWhenTheNewOneIsComplete() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("stale.txt"), "old");
        Run run = report(fixture("foreign/strings-jmh1.37.json").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertFalse(Files.exists(out.resolve("stale.txt")));
        assertTrue(Files.exists(out.resolve("index.html")));
    }

    static List<String> chartReferences(String html) {
        Matcher matcher = Pattern.compile("<img src=\"(charts/[^\"]+\\.svg)\"").matcher(html);
        List<String> charts = new java.util.ArrayList<>();
        while (matcher.find()) {
            charts.add(matcher.group(1));
        }
        return charts;
    }
}
