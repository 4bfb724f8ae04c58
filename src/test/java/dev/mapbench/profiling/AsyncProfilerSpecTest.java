package dev.mapbench.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AsyncProfilerSpecTest {

    private static final Path LIBRARY = Path.of("/runs/r1/profiles/libasyncProfiler.so");

    @Test
    void cpuLineAsksForOneForwardHtmlFlameGraphWithAFineInterval() {
        assertEquals("libPath=/runs/r1/profiles/libasyncProfiler.so;output=flamegraph;direction=forward"
                        + ";event=cpu;interval=1000000;dir=/runs/r1/profiles/0001-x/.cpu",
                AsyncProfilerSpec.optionLine(LIBRARY, FlameGraphEvent.CPU, Path.of("/runs/r1/profiles/0001-x/.cpu")));
    }

    @Test
    void fallbackLineUsesItimer() {
        String line = AsyncProfilerSpec.optionLine(LIBRARY, FlameGraphEvent.ITIMER, Path.of("/out"));

        assertEquals("libPath=/runs/r1/profiles/libasyncProfiler.so;output=flamegraph;direction=forward"
                + ";event=itimer;interval=1000000;dir=/out", line);
    }

    @Test
    void allocLineKeepsTheProfilerDefaultSampling() {
        assertEquals("libPath=/runs/r1/profiles/libasyncProfiler.so;output=flamegraph;direction=forward"
                        + ";event=alloc;dir=/out",
                AsyncProfilerSpec.optionLine(LIBRARY, FlameGraphEvent.ALLOC, Path.of("/out")));
    }

    @Test
    void rejectsPathsJmhWouldSplit() {
        assertThrows(IllegalArgumentException.class,
                () -> AsyncProfilerSpec.optionLine(LIBRARY, FlameGraphEvent.CPU, Path.of("/a;b")));
        assertThrows(IllegalArgumentException.class,
                () -> AsyncProfilerSpec.optionLine(Path.of("/x,y/lib.so"), FlameGraphEvent.CPU, Path.of("/out")));
    }
}
