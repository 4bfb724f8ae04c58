package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForkStatus;
import dev.mapbench.results.ForksCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell whose fork timed out or corrupted its map is shown as such and ranked nowhere. */
class UnmeasuredCellsReportTest {

    @TempDir
    Path temp;

    @Test
    void aCorruptedCellIsListedInTheSummaryAndVerdictsAndLeftOutOfEveryVerdict() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        String corrupted = "SYNCHRONIZED_MAP-r0-s1000-UNIFORM-t1";
        String hung = "SYNCHRONIZED_MAP-r100-s1000-UNIFORM-t2";
        ForksCsv.write(run.resolve(ForksCsv.FILE), List.of(
                ForkRow.unmeasured(1, corrupted, 1, 1, "first", Instant.EPOCH, 2.1, 1, ForkStatus.CORRUPTED,
                        "size() is 97 but a walk visits 100 entries"),
                ForkRow.unmeasured(2, hung, 1, 1, "first", Instant.EPOCH, 61.4, 1, ForkStatus.TIMED_OUT,
                        "ran past its limit of 61 s; its process tree was ended")));

        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        String page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("<code>" + corrupted + ": corrupted in fork 1 (2.10 s): size() is 97 but a walk visits "
                + "100 entries</code>"), page);
        assertTrue(page.contains(hung + ": timed out in fork 1"), page);
        int listed = page.indexOf("Never ranked:");
        assertTrue(listed > 0 && page.indexOf("Never ranked:", listed + 1) > 0, "in the summary and the verdicts");
        List<String> verdicts = Files.readAllLines(out.resolve("verdicts.csv"));
        assertFalse(verdicts.stream().anyMatch(row -> row.startsWith("0,1000,UNIFORM,1,") && row.contains("SYNCHRONIZED_MAP")),
                "the corrupted cell has no verdict: " + verdicts);
        assertFalse(verdicts.stream().anyMatch(row -> row.startsWith("100,1000,UNIFORM,2,") && row.contains("SYNCHRONIZED_MAP")),
                "the timed-out cell has no verdict");
        assertTrue(verdicts.stream().anyMatch(row -> row.startsWith("0,1000,UNIFORM,1,") && row.contains("CONCURRENT_HASHMAP")),
                "the workload's other strategies still have theirs");
    }
}
