package dev.mapbench.compare;

import static dev.mapbench.compare.SyntheticRun.forks;
import static dev.mapbench.compare.SyntheticRun.times;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.CompareCli;
import dev.mapbench.report.model.HistoryRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's exit codes, outputs and bad-input handling, on synthetic run folders. */
class CompareCliTest {

    private static final double[] FAST = forks(10.0, 10.2, 9.9, 10.1, 10.05, 9.95);
    private static final double[] BYTES = forks(0.01, 0.01, 0.012, 0.01, 0.011, 0.01);

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CompareCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path baseline() throws IOException {
        return new SyntheticRun().cell("COPY_ON_WRITE", 1, FAST, BYTES).cell("CONCURRENT_HASHMAP", 1, FAST, BYTES)
                .cell("CONCURRENT_HASHMAP", 4, FAST, BYTES).writeRunFolder(temp, "baseline");
    }

    @Test
    void runComparedWithItselfExitsZero() throws IOException {
        Path run = baseline();
        assertEquals(0, run(run.toString(), run.toString()), err.toString());
        assertTrue(out.toString().contains("RESULT: no regression"), out.toString());
    }

    @Test
    void slowedStrategyExitsOneAndIsNamed() throws IOException {
        Path base = baseline();
        Path slowed = new SyntheticRun().cell("COPY_ON_WRITE", 1, times(FAST, 0.7), BYTES)
                .cell("CONCURRENT_HASHMAP", 1, FAST, BYTES).cell("CONCURRENT_HASHMAP", 4, FAST, BYTES)
                .writeRunFolder(temp, "slowed");
        assertEquals(1, run(base.toString(), slowed.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("RESULT: REGRESSION in 1 cell metric"), text);
        assertTrue(text.contains("REGRESSION COPY_ON_WRITE: MapWorkloadBenchmark.workload thrpt strategy=COPY_ON_WRITE"),
                text);
        assertFalse(text.contains("REGRESSION CONCURRENT_HASHMAP"), text);
    }

    @Test
    void oversubscribedRegressionIsReportedButExitsZero() throws IOException {
        Path base = baseline();
        Path slowed = new SyntheticRun().cell("COPY_ON_WRITE", 1, FAST, BYTES)
                .cell("CONCURRENT_HASHMAP", 1, FAST, BYTES).cell("CONCURRENT_HASHMAP", 4, times(FAST, 0.5), BYTES)
                .writeRunFolder(temp, "slowed");
        assertEquals(0, run(base.toString(), slowed.toString()), err.toString());
        assertTrue(out.toString().contains("worse (not gated: oversubscribed: 4 threads > 2 cores)"), out.toString());
    }

    @Test
    void bytesIncreaseExitsOne() throws IOException {
        Path base = baseline();
        Path hungrier = new SyntheticRun().cell("COPY_ON_WRITE", 1, FAST, times(BYTES, 1).clone())
                .cell("CONCURRENT_HASHMAP", 1, FAST, forks(24, 24, 24, 24, 24, 24))
                .cell("CONCURRENT_HASHMAP", 4, FAST, BYTES).writeRunFolder(temp, "hungrier");
        assertEquals(1, run(base.toString(), hungrier.toString()));
        assertTrue(out.toString().contains("REGRESSION CONCURRENT_HASHMAP"), out.toString());
    }

    @Test
    void differentEnvironmentIsFlaggedAtTheTop() throws IOException {
        Path base = baseline();
        Path other = new SyntheticRun().environment("cpuModel", "Other CPU").cell("COPY_ON_WRITE", 1, FAST, BYTES)
                .writeRunFolder(temp, "other");
        assertEquals(0, run(base.toString(), other.toString()));
        assertTrue(out.toString().startsWith("!!!"), out.toString());
        assertTrue(out.toString().contains("cpuModel: baseline Test CPU vs candidate Other CPU"), out.toString());
    }

    @Test
    void markdownAndHistoryAreWritten() throws IOException {
        Path run = baseline();
        Path markdown = temp.resolve("summary.md");
        Path history = temp.resolve("history.csv");
        assertEquals(0, run("--markdown", markdown.toString(), "--append-history", history.toString(),
                run.toString(), run.toString()), err.toString());
        assertTrue(Files.readString(markdown).contains("Benjamini"));
        assertEquals(0, run("--append-history", history.toString(), run.toString(), run.toString()));
        List<String> lines = Files.readAllLines(history);
        assertEquals(1 + 2 * 6, lines.size(), String.join("\n", lines)); // header, 3 cells x 2 metrics x 2 nights
        assertTrue(lines.get(0).startsWith("date,commit,runId,environmentId,cell,metric"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-11-21,abc1234,synthetic,"), lines.get(1));
        List<HistoryRow> rows = HistoryCsv.read(history);
        assertEquals(12, rows.size());
        assertEquals(6, rows.get(0).forks());
        assertEquals(10.025, rows.get(0).median(), 1e-9);
    }

    @Test
    void truncatedInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Path run = baseline();
        Path truncated = temp.resolve("truncated.json");
        String json = Files.readString(run.resolve("jmh-result.json"));
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        Path markdown = temp.resolve("summary.md");
        assertEquals(2, run("--markdown", markdown.toString(), run.toString(), truncated.toString()));
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: " + truncated + ": "), lines[0]); // wording is the reader's
        assertFalse(Files.exists(markdown));
        assertEquals("", out.toString());
    }

    @Test
    void missingFolderAndDisjointRunsAreBadInput() throws IOException {
        Path run = baseline();
        assertEquals(2, run(run.toString(), temp.resolve("nope").toString()));
        assertTrue(err.toString().startsWith("error: " + temp.resolve("nope") + ": no such file"), err.toString());
        Path unrelated = temp.resolve("unrelated.json");
        Files.writeString(unrelated, "[]");
        assertEquals(2, run(run.toString(), unrelated.toString()));
        assertTrue(err.toString().contains("error: " + unrelated + ": no benchmark results"), err.toString());
    }

    @Test
    void invalidOptionIsBadInput() throws IOException {
        Path run = baseline();
        assertEquals(2, run("--alpha", "2", run.toString(), run.toString()));
        assertTrue(err.toString().startsWith("error: (options): alpha must be in (0, 1)"), err.toString());
    }
}
