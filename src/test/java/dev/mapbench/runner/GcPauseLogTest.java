package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPauseLogTest {

    @TempDir
    Path temp;

    @Test
    void readsPausesOfG1ParallelAndZgcAndIgnoresOtherLines() {
        List<String> lines = List.of(
                "[1.376s][info][gc       ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 12.878ms",
                "[1.400s][info][gc,phases] GC(0)   Evacuate Collection Set: 10.1ms",
                "[1.190s][info][gc       ] GC(2) Pause Young (Allocation Failure) 66M->2M(245M) 0.847ms",
                "[2.353s][info][gc,phases] GC(0) Pause Mark Start 0.011ms",
                "[1.094s][info][gc,phases] GC(0) Y: Pause Mark Start (Major) 0.029ms",
                "[2.500s][info][gc       ] GC(1) Garbage Collection (Warmup) 102M(10%)->30M(3%)",
                "[0.010s][info][gc       ] Using G1");

        assertEquals(List.of(12.878, 0.847, 0.011, 0.029), GcPauseLog.pausesMillis(lines));
    }

    @Test
    void summarizesEveryForkLogInTheFolder() throws IOException {
        Files.write(temp.resolve("fork-100.log"), List.of(
                "[1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 2.000ms",
                "[1.1s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 4.000ms"));
        Files.write(temp.resolve("fork-200.log"), List.of(
                "[1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 1.000ms"));
        Files.writeString(temp.resolve("notes.txt"), "Pause 99.0ms");

        Map<String, Object> summary = GcPauseLog.summarize(temp, "0001-GC-G1-x", "G1");

        assertEquals(2, summary.get("forks"));
        assertEquals(3, summary.get("pauses"));
        assertEquals(7.0, summary.get("totalMillis"));
        assertEquals(4.0, summary.get("maxMillis"));
        assertEquals(2.0, summary.get("p50Millis"));
        assertEquals(4.0, summary.get("p99Millis"));
    }

    @Test
    void noPausesLeavesMaximumEmpty() throws IOException {
        Files.write(temp.resolve("fork-1.log"), List.of("[0.010s][info][gc] Using Z"));

        Map<String, Object> summary = GcPauseLog.summarize(temp, "c", "Z");

        assertEquals(0, summary.get("pauses"));
        assertNull(summary.get("maxMillis"));
    }

    @Test
    void preparingTheFolderDropsForkLogsOfAnEarlierAttemptOnly() throws IOException {
        Files.writeString(temp.resolve("fork-9.log"), "Pause Young 5.0ms");
        Files.writeString(temp.resolve("keep.txt"), "x");

        GcPauseLog.prepareFolder(temp);

        assertEquals(List.of("keep.txt"), Files.list(temp).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void optionWritesOneLogPerForkAndRefusesPathsXlogWouldSplit() {
        assertEquals("-Xlog:gc,gc+phases:file=/runs/r/gc-pauses/c/fork-%p.log",
                GcPauseLog.jvmOption(Path.of("/runs/r/gc-pauses/c")));
        assertThrows(IllegalArgumentException.class, () -> GcPauseLog.jvmOption(Path.of("/a:b")));
    }
}
