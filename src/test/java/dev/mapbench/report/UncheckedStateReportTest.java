package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose forks left the state check out ({@code bench.stateCheck=false}) says so above its verdicts. */
class UncheckedStateReportTest {

    @TempDir
    Path temp;

    private String report(boolean skipInFirstCell) throws Exception {
        SyntheticRun.Matrix matrix = SyntheticRun.Matrix.small();
        Path run = new SyntheticRun().writeRun(temp.resolve("run-" + skipInFirstCell), matrix);
        if (skipInFirstCell) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode cells = (ArrayNode) mapper.readTree(run.resolve("jmh-result.json").toFile());
            JsonNode first = cells.get(0);
            ((ArrayNode) first.get("jvmArgs")).add("-Dmapbench.skipStateCheck=true");
            mapper.writeValue(run.resolve("jmh-result.json").toFile(), cells);
        }
        Path out = temp.resolve("out-" + skipInFirstCell);
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        return Files.readString(out.resolve("index.html"));
    }

    @Test
    void aCellWhoseForksSkippedTheStateCheckIsCountedInAWarning() throws Exception {
        String html = report(true);
        assertTrue(html.contains("<strong>State check off:</strong> 1 cell(s) ran without the"), html.substring(0, 400));
    }

    @Test
    void aRunThatCheckedEveryForkShowsNoSuchWarning() throws Exception {
        assertFalse(report(false).contains("State check off"));
    }
}
