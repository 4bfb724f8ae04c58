package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.analysis.CorrectnessReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrectnessSectionTest {

    @TempDir
    Path temp;

    @Test
    void lincheckVerdictsAndHazardRatesOfTheLastTestRunAreShownWithTheirCommitAndTravelInRaw() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path correctness = Files.createDirectories(temp.resolve("target/correctness"));
        Path hazards = Files.writeString(correctness.resolve("hazard-rates.json"), """
                {"generatedAt": "2026-12-01T08:13:42Z", "jvm": "OpenJDK 17", "cores": 2, "commit": "0000000", "hazards": [
                  {"hazard": "lost-updates", "strategy": "UNSYNCHRONIZED_HASHMAP", "observed": true, "trials": 20,
                   "seconds": 0.3, "rate": 37.5, "rateUnit": "lost entries per round", "detail": "8 threads"}]}
                """);
        Files.writeString(correctness.resolve(CorrectnessReader.LINEARIZABILITY_FILE), """
                {"generatedAt": "2026-12-01T08:16:07Z", "commit": "0000000", "scenarios": "2 threads × 3 operations",
                 "checks": [
                  {"strategy": "COPY_ON_WRITE", "check": "model checking", "passed": true, "seconds": 6.5, "test": "t", "detail": "ok"},
                  {"strategy": "COPY_ON_WRITE", "check": "stress", "passed": false, "seconds": 7.6, "test": "t",
                   "detail": "Invalid execution results"}]}
                """);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString(), "--correctness", hazards.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String section = FootprintSectionTest.section(Files.readString(out.resolve("index.html")), "correctness");
        assertTrue(section.contains("Linearizability (Lincheck)"), section);
        assertTrue(section.contains("From the last test run in this checkout, 2026-12-01T08:16:07Z, at commit 0000000"
                + " (the same commit as the benchmark run)"), section);
        assertTrue(section.contains("<td>COPY_ON_WRITE</td>"), section);
        assertTrue(section.contains("<span class=\"badge yes\">linearizable</span>"), section);
        assertTrue(section.contains("<span class=\"badge over\">violation</span> Invalid execution results"), "a failure is shown");
        assertTrue(section.contains("a check failed"), section);
        assertTrue(section.contains("lost entries per round"), section);
        assertFalse(section.contains("not in this report"), section);
        try (var raw = Files.list(out.resolve("raw"))) {
            assertEquals(2, raw.filter(path -> path.getFileName().toString().matches("\\d{3}-(hazard-rates|linearizability)\\.json"))
                    .count(), "both files are copied into raw/");
        }
    }

    @Test
    void resultsOfOtherCodeThanTheBenchmarksAreFlaggedWithTheCommandThatRefreshesThem() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path hazards = Files.writeString(Files.createDirectories(temp.resolve("c")).resolve("hazard-rates.json"), """
                {"generatedAt": "2026-11-30T00:00:00Z", "jvm": "j", "cores": 2, "commit": "abcdef123456", "hazards": [
                  {"hazard": "h", "strategy": "s", "observed": false, "trials": 1, "seconds": 1, "rate": 0, "rateUnit": "u", "detail": ""}]}
                """);
        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString(), "--correctness", hazards.toString()).exitCode());
        String section = FootprintSectionTest.section(Files.readString(out.resolve("index.html")), "correctness");
        assertTrue(section.contains("at commit abcdef1234 (the benchmark run is at 0000000)"), section);
        assertTrue(section.contains("<strong>Other code than the benchmark's</strong>: <code>mvn -B verify</code> refreshes them"),
                section);
        assertTrue(section.contains("<strong>The linearizability verdicts are\n    not in this report</strong>"), section);
    }

    @Test
    void withoutTestResultsTheSectionSaysExactlyWhichCommandAddsThem() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = temp.resolve("out");
        // ReportCliTest.report passes a hazard file without hazards when none is given: nothing to show.
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        String section = FootprintSectionTest.section(Files.readString(out.resolve("index.html")), "correctness");
        assertTrue(section.contains("The linearizability verdicts and hazard rates are\n    not in this report"), section);
        assertTrue(section.contains("<code>mvn -B verify</code> (about 3 minutes on 2 cores)"), section);
        assertTrue(section.contains("<code>mvn verify -Pbench -DskipTests=false</code>"), section);
    }
}
