package dev.mapbench.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuEventChoiceTest {

    @TempDir
    Path temp;

    @Test
    void keepsPerfEventsWhenTheProbeStarts() {
        CpuEventChoice choice = CpuEventChoice.decide(null, OptionalInt.of(4));

        assertEquals(FlameGraphEvent.CPU, choice.event());
        assertNull(choice.fallback());
    }

    @Test
    void fallsBackToItimerAndSaysWhyInOneLine() {
        CpuEventChoice choice = CpuEventChoice.decide("Perf events unavailable\nTry --all-user", OptionalInt.of(3));

        assertEquals(FlameGraphEvent.ITIMER, choice.event());
        assertEquals("async-profiler: perf events unavailable (Perf events unavailable Try --all-user;"
                + " kernel.perf_event_paranoid=3), CPU flame graphs sample with itimer", choice.fallback());
        assertFalse(choice.fallback().contains("\n"));
    }

    @Test
    void fallbackLineOmitsParanoidWhenUnknown() {
        String line = CpuEventChoice.decide("denied", OptionalInt.empty()).fallback();

        assertFalse(line.contains("perf_event_paranoid"), line);
        assertTrue(line.contains("(denied)"), line);
    }

    @Test
    void readsParanoidSettingAndToleratesMissingFile() throws IOException {
        Path file = Files.writeString(temp.resolve("perf_event_paranoid"), "2\n");

        assertEquals(OptionalInt.of(2), CpuEventChoice.readParanoid(file));
        assertEquals(OptionalInt.empty(), CpuEventChoice.readParanoid(temp.resolve("absent")));
    }

    @Test
    void cpuAndItimerGraphsShareTheCpuFileName() {
        assertEquals("cpu.html", FlameGraphEvent.CPU.fileName());
        assertEquals("cpu.html", FlameGraphEvent.ITIMER.fileName());
        assertEquals("alloc.html", FlameGraphEvent.ALLOC.fileName());
    }
}
