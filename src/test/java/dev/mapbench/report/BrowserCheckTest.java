package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mapbench.cli.FootprintCli;
import dev.mapbench.compare.HistoryCsv;
import dev.mapbench.report.model.HistoryRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs scripts/check-report-in-browser (headless Chromium) on a rendered report. Skipped where the
 * Debian package {@code chromium} is not installed.
 */
@Tag("slow")
class BrowserCheckTest {

    private static final Path SCRIPT = Path.of("scripts", "check-report-in-browser");

    @TempDir
    Path temp;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is not installed");
    }

    @Test
    void renderedReportLoadsWithoutConsoleMessagesAndIsScreenshot() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = temp.resolve("report");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        Path screenshot = temp.resolve("screenshot.png");
        Result result = check(out.resolve("index.html"), screenshot);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("browser check: ok"), result.output());
        assertTrue(Files.size(screenshot) > 50_000, "a screenshot with charts is not a blank page");
    }

    @Test
    void reportWithFootprintComparisonAndHistoryLoadsWithoutConsoleMessages() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        StringWriter footprintOutput = new StringWriter();
        assertEquals(0, new CommandLine(new FootprintCli())
                .setOut(new PrintWriter(footprintOutput)).setErr(new PrintWriter(footprintOutput))
                .execute("--sizes", "8", "--strategies", "CONCURRENT_HASHMAP,COPY_ON_WRITE", "--out", run.toString()),
                footprintOutput::toString);
        Path history = temp.resolve("history.csv");
        HistoryCsv.append(history, List.of(
                new HistoryRow(LocalDate.of(2026, 11, 1), "a", "night-1", "env", "cell", "score",
                        "ops/us", 100, 98, 102, 0.969, 6),
                new HistoryRow(LocalDate.of(2026, 11, 2), "b", "night-2", "env", "cell", "score",
                        "ops/us", 60, 59, 61, 0.969, 6)));
        Path out = temp.resolve("report");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString(), "--baseline", run.toString(),
                "--history", history.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        for (String section : List.of("comparison", "footprint", "history")) {
            assertTrue(html.contains("<section id=\"" + section + "\""), section);
        }
        Result check = check(out.resolve("index.html"), temp.resolve("screenshot.png"));
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("browser check: ok"), check.output());
    }

    @Test
    void pageWithScriptErrorOrMissingChartFails() throws Exception {
        Path page = temp.resolve("index.html");
        Files.writeString(page, "<html><body><img src=\"charts/missing.svg\"><script>notDefined();</script></body></html>");
        Result result = check(page, temp.resolve("shot.png"));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("missing file charts/missing.svg"), result.output());
        assertTrue(result.output().contains("notDefined is not defined"), result.output());
    }

    record Result(int exitCode, String output) {
    }

    private static Result check(Path index, Path screenshot) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), index.toString(), "--screenshot", screenshot.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "chromium finished");
        return new Result(process.exitValue(), output);
    }
}
