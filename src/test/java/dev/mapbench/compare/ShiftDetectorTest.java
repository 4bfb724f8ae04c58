package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.model.HistoryShift;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shift marks on a cell's nightly history, and the history file's round trip. */
class ShiftDetectorTest {

    private final ShiftDetector detector = new ShiftDetector(GateSettings.defaults());

    private static HistoryRow night(int day, String env, double median, double low, double high) {
        return new HistoryRow(LocalDate.of(2026, 11, day), "c" + day, "run" + day, env, "cell", "score", "ops/us",
                median, low, high, 0.969, 6);
    }

    @Test
    void aStepWithDisjointIntervalsIsAShift() {
        List<HistoryRow> series = List.of(night(1, "e", 100, 98, 102), night(2, "e", 101, 99, 103),
                night(3, "e", 70, 68, 72), night(4, "e", 71, 69, 73));
        List<HistoryShift> shifts = detector.shifts(series);
        assertEquals(1, shifts.size());
        assertEquals(LocalDate.of(2026, 11, 3), shifts.get(0).after().date());
        assertEquals(-30.7, shifts.get(0).changePercent(), 0.1);
        assertEquals("median CIs disjoint", shifts.get(0).reason());
    }

    @Test
    void overlappingOrSmallChangesAreNotShifts() {
        assertTrue(detector.shifts(List.of(night(1, "e", 100, 90, 110), night(2, "e", 85, 80, 95))).isEmpty());
        assertTrue(detector.shifts(List.of(night(1, "e", 100, 99.9, 100.1), night(2, "e", 95, 94.9, 95.1)))
                .isEmpty(), "disjoint but below the 10 % minimum effect");
    }

    @Test
    void anEnvironmentChangeIsMarkedAsSuch() {
        List<HistoryShift> shifts = detector.shifts(List.of(night(1, "e1", 100, 98, 102),
                night(2, "e2", 100, 98, 102)));
        assertEquals("environment changed", shifts.get(0).reason());
    }

    @Test
    void historyRoundTripsThroughCsvAndGroupsIntoSeries(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("history.csv");
        HistoryCsv.append(file, List.of(night(1, "e", 100, 98, 102)));
        HistoryCsv.append(file, List.of(night(2, "e", 70, 68, 72)));
        List<HistoryRow> rows = HistoryCsv.read(file);
        assertEquals(List.of(night(1, "e", 100, 98, 102), night(2, "e", 70, 68, 72)), rows);
        Map<String, List<HistoryRow>> series = ShiftDetector.series(rows);
        assertEquals(List.of("cell | score"), List.copyOf(series.keySet()));
        assertEquals(3, Files.readAllLines(file).size());
    }

    @Test
    void corruptHistoryNamesTheFileAndLine(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("history.csv");
        Files.writeString(file, String.join(",", HistoryCsv.HEADER) + "\nnot-a-date,c,r,e,cell,score,ops/us,1,1,1,1,6\n");
        IOException error = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> HistoryCsv.read(file));
        assertTrue(error.getMessage().startsWith(file + ": line 2"), error.getMessage());
    }
}
