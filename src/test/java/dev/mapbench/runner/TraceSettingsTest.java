package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench.trace}: a trace becomes one more named workload, and a bad one stops the run before it measures. */
class TraceSettingsTest {

    @TempDir
    Path folder;

    private Path threeThreadTrace() throws Exception {
        List<long[]> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            threads.add(new long[] {Trace.event(TraceOperation.GET, t, true, 8), Trace.event(TraceOperation.PUT, t, true, 8)});
        }
        List<TraceKey> keys = List.of(new TraceKey(TraceKey.Kind.NUMBER, 8, true), new TraceKey(TraceKey.Kind.NUMBER, 8, true),
                new TraceKey(TraceKey.Kind.NUMBER, 8, false));
        Path file = folder.resolve("Checkout Service.trace");
        TraceFile.write(new Trace("t", "recorder", false, 0, 5_000_000, keys, threads), file);
        return file;
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.strategies", "CONCURRENT_HASHMAP,COPY_ON_WRITE,UNSYNCHRONIZED_HASHMAP");
        properties.setProperty("bench.workload", "none");
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void traceIsANamedWorkloadAtItsRecordedThreads() throws Exception {
        Path file = threeThreadTrace();
        BenchSettings settings = BenchSettings.from(properties("bench.trace", file.toString()), 2);
        List<Cell> traced = settings.matrix().stream().filter(Cell::isTrace).toList();
        assertEquals(List.of("CONCURRENT_HASHMAP-W.trace-checkout-service-t3", "COPY_ON_WRITE-W.trace-checkout-service-t3"),
                traced.stream().map(Cell::id).toList(), "the unsafe strategy does not replay a trace that writes");
        Cell cell = traced.get(0);
        assertEquals(Benchmarks.TRACE, cell.benchmark());
        assertEquals(file.toAbsolutePath().toString(), cell.params().get("trace"));
        assertEquals(cell.cellId(), CellId.of(cell.benchmark(), cell.params(), 3).orElseThrow(),
                "a result maps back to its cell");
        assertEquals(CellId.parse(cell.id()).orElseThrow(), cell.cellId());
    }

    @Test
    void traceThreadsScaleTheReplay() throws Exception {
        BenchSettings settings = BenchSettings.from(properties("bench.trace", threeThreadTrace().toString(),
                "bench.traceThreads", "1,2"), 2);
        assertEquals(List.of(1, 1, 2, 2), settings.matrix().stream().filter(Cell::isTrace).map(Cell::threads).toList());
    }

    @Test
    void runFolderKeepsTheTracesProfile() throws Exception {
        BenchSettings settings = BenchSettings.from(properties("bench.trace", threeThreadTrace().toString()), 2);
        settings.workloads().writeCopies(folder);
        String profile = Files.readString(WorkloadSettings.profileOf(folder, "trace-checkout-service"));
        assertTrue(profile.contains("\"distinctKeys\" : 3"), profile);
        assertTrue(profile.contains("\"closestPreset\""), profile);
    }

    @Test
    void badTraceIsOneErrorWithTheFileAndByteOffsetBeforeAnythingIsMeasured() throws Exception {
        Path file = threeThreadTrace();
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length - 3));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(properties("bench.trace", file.toString()), 2));
        assertEquals(file + ": byte " + (content.length - 3) + ": truncated: the file ends inside the checksum",
                error.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(properties("bench.trace", folder.resolve("none.trace").toString()), 2));
        assertTrue(missing.getMessage().endsWith("none.trace: no such file"), missing.getMessage());
    }
}
