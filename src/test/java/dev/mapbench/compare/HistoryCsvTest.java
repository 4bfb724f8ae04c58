package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    @TempDir
    Path temp;

    @Test
    void everyRowKeepsItsEnvironmentAndAnOldFileGainsTheColumn() throws Exception {
        Path file = temp.resolve("history.csv");
        Files.writeString(file, "date,commit,runId,environmentId,cell,metric,unit,median,ciLow,ciHigh,ciCoverage,forks\n"
                + "2026-11-22,abc,full-a,31f7ef7aca,cell,score,ops/us,376.058,248.576,488.144,0.968750,6\n");
        HistoryCsv.append(file, List.of(new HistoryRow(LocalDate.of(2026, 12, 1), "def", "nightly-1", "9a8b7c6d5e",
                "cell", "score", "ops/us", 380, 370, 390, 0.969, 6, "shard 2/4, AMD EPYC 7B13, JVM 17.0.15")));
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", HistoryCsv.HEADER), lines.get(0));
        assertTrue(lines.get(1).endsWith(",6,"), lines.get(1));
        assertTrue(lines.get(2).endsWith(",6,\"shard 2/4, AMD EPYC 7B13, JVM 17.0.15\""), lines.get(2));
        List<HistoryRow> rows = HistoryCsv.read(file);
        assertEquals("", rows.get(0).environment());
        assertEquals("shard 2/4, AMD EPYC 7B13, JVM 17.0.15", rows.get(1).environment());
        assertEquals("9a8b7c6d5e", rows.get(1).environmentId());
    }
}
