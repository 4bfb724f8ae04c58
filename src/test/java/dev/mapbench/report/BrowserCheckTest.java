package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scripts/check-report-in-browser (headless Chromium) on a rendered report. Skipped where the
 * Debian package {@code chromium} is not installed.
 */
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
