package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.cli.ReportCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --baseline}: the comparison section, drawn by compare's own comparator and template. */
class ComparisonSectionTest {

    private static final String SLOWED = "SYNCHRONIZED_MAP";

    @TempDir
    Path temp;

    /** A baseline run, and a candidate in which every fork of one strategy is 30 % slower. */
    private Path[] baselineAndSlowedCandidate() throws IOException {
        Path baseline = new SyntheticRun().writeRun(temp.resolve("baseline"), SyntheticRun.Matrix.small());
        Path candidate = Files.createDirectories(temp.resolve("candidate"));
        Files.copy(baseline.resolve("env.json"), candidate.resolve("env.json"));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode cells = (ArrayNode) mapper.readTree(baseline.resolve("jmh-result.json").toFile());
        for (JsonNode cell : cells) {
            if (SLOWED.equals(cell.path("params").path("strategy").asText())) {
                ObjectNode primary = (ObjectNode) cell.get("primaryMetric");
                primary.put("score", primary.get("score").asDouble() * 0.7);
                for (JsonNode fork : primary.get("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((ArrayNode) fork).set(i, fork.get(i).asDouble() * 0.7);
                    }
                }
            }
        }
        mapper.writeValue(candidate.resolve("jmh-result.json").toFile(), cells);
        return new Path[] {baseline, candidate};
    }

    @Test
    void comparisonSectionNamesTheRegressedCellsAndTheReportStillSucceeds() throws Exception {
        Path[] runs = baselineAndSlowedCandidate();
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(runs[1].toString(), "--out", out.toString(),
                "--baseline", runs[0].toString());
        assertEquals(0, result.exitCode(), "the report shows the gate's outcome but is not the gate: " + result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("<a href=\"#comparison\">Comparison</a>"));
        String section = FootprintSectionTest.section(html, "comparison");
        assertTrue(section.contains("RESULT: REGRESSION in 8 cell metrics"), "2 read ratios x 2 sizes x threads 1, 2: " + section);
        assertTrue(section.contains("Benjamini-Hochberg"), "states its method");
        assertTrue(section.contains("<code>" + runs[0] + "</code>"), "names the baseline");

        List<String> regressed = rows(section, "verdict-regression");
        assertEquals(8, regressed.size());
        assertTrue(regressed.stream().allMatch(row -> row.contains("strategy&#x3D;" + SLOWED) && row.contains("-30.0 %")),
                String.join("\n", regressed));
        assertTrue(rows(section, "verdict-no-change").stream().noneMatch(row -> row.contains(SLOWED + " threads&#x3D;1")),
                "every gated cell of the slowed strategy regressed");
        assertTrue(section.contains("oversubscribed: 4 threads &gt; 2 cores"), "4-thread cells reported, not gated");
    }

    @Test
    void withoutBaselineThereIsNoComparisonSection() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        assertFalse(Files.readString(out.resolve("index.html")).contains("id=\"comparison\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad/empty.json", "bad/truncated.json", "bad/not-jmh.json"})
    void badBaselineExitsTwoWithOneLineNamingItAndWritesNothing(String name) throws Exception {
        Path baseline = dev.mapbench.results.Fixtures.fixture(name);
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("previous-report.txt"), "kept");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString(), "--baseline", baseline.toString());
        assertEquals(ReportCli.BAD_INPUT, result.exitCode());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderrLines().get(0).startsWith("error: " + baseline + ": "), result.stderr());
        assertEquals("", result.stdout());
        assertEquals("kept", Files.readString(out.resolve("previous-report.txt")));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(2, siblings.count(), "run and out only: no staging folder left behind");
        }
    }

    @Test
    void baselineWithNoCellInCommonIsBadInput() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path foreign = dev.mapbench.results.Fixtures.fixture("foreign/strings-jmh1.37.json");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", temp.resolve("out").toString(),
                "--baseline", foreign.toString());
        assertEquals(ReportCli.BAD_INPUT, result.exitCode());
        assertEquals(List.of("error: " + foreign + ": no cell in common with the report's inputs"), result.stderrLines());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    /** The table rows of the section with the given class. */
    private static List<String> rows(String section, String rowClass) {
        Matcher matcher = Pattern.compile("<tr class=\"" + rowClass + "\">(.*?)</tr>", Pattern.DOTALL).matcher(section);
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }
}
