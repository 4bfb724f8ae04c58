package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.recorder.TraceRecorder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace benchmark replays exactly the recorded calls, with the keys present at the start in the map. */
class MapTraceBenchmarkTest {

    @TempDir
    Path folder;

    private static MapTraceBenchmark.Shared shared(Path trace, String strategy, int threads) {
        MapTraceBenchmark.Shared shared = new MapTraceBenchmark.Shared();
        shared.strategy = strategy;
        shared.trace = trace.toString();
        shared.maxEvents = 1 << 22;
        shared.setUp(threads);
        return shared;
    }

    @Test
    void everyKeyPresentAtTheStartIsInTheMapEvenOneNoReplayedThreadTouches() throws Exception {
        // keys 0..3 present at the start, key 4 not; only keys 0 and 4 have events
        List<TraceKey> keys = List.of(new TraceKey(TraceKey.Kind.NUMBER, 8, true), new TraceKey(TraceKey.Kind.NUMBER, 8, true),
                new TraceKey(TraceKey.Kind.NUMBER, 8, true), new TraceKey(TraceKey.Kind.NUMBER, 8, true),
                new TraceKey(TraceKey.Kind.NUMBER, 8, false));
        long get = Trace.event(TraceOperation.GET, 0, true, 8);
        long put = Trace.event(TraceOperation.PUT, 4, false, 8);
        Path file = folder.resolve("untouched.trace");
        TraceFile.write(new Trace("test 1", "test", false, 0, 0, keys, List.of(new long[] {get, put, get})), file);

        MapTraceBenchmark.Shared shared = shared(file, "CONCURRENT_HASHMAP", 1);
        assertEquals(4, shared.map.size(), "keys 1..3 are in the table though no event asks for them");
        assertTrue(shared.map.get(shared.key(4)) == null, "a key absent at the start is not");
    }

    @Test
    void oneReplayPassMakesTheRecordedCallsInOrderOnEachThread() throws Exception {
        ConcurrentHashMap<String, String> backing = new ConcurrentHashMap<>();
        backing.put("cfg:timeout", "30");
        TraceRecorder recorder = new TraceRecorder(100_000, 1 << 24);
        ConcurrentMap<String, String> map = recorder.wrap(backing);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 1_000; i++) {
                map.put("session:" + i % 100, "s" + i);
                map.remove("session:" + (i + 50) % 100);
            }
        });
        writer.start();
        writer.join();
        for (int i = 0; i < 3_000; i++) {
            map.get(i % 3 == 0 ? "cfg:timeout" : "session:" + i % 100);
        }
        Path file = folder.resolve("app.trace");
        recorder.writeTo(file);
        Trace trace = TraceFile.read(file);

        MapTraceBenchmark.Shared shared = shared(file, "CONCURRENT_HASHMAP", 2);
        assertEquals(1, shared.map.size(), "only cfg:timeout was present at the start");
        int timeout = Trace.key(trace.threads().get(1)[0]); // the main thread's first get
        assertTrue(trace.keys().get(timeout).presentAtStart());
        assertTrue(shared.map.get(shared.key(timeout)) != null);
        assertEquals("cfg:timeout".length(), ((String) shared.key(timeout)).length());
        long[] replayed = new long[TraceOperation.values().length];
        for (int thread = 0; thread < 2; thread++) {
            MapTraceBenchmark.Cursor cursor = new MapTraceBenchmark.Cursor();
            cursor.start(shared, thread);
            long[] recorded = trace.threads().get(thread);
            assertEquals(recorded.length, cursor.length);
            for (int step = 0; step < cursor.length; step++) {
                assertEquals(Trace.operationCode(recorded[step]), cursor.operations[step]);
                replayed[cursor.operations[step]]++;
                cursor.step(shared.map);
            }
            assertEquals(0, cursor.index, "wrapped to the start");
        }
        assertEquals(trace.operationCounts()[0], replayed[0]);
        assertEquals("session:0".length(), ((String) shared.key(Trace.key(trace.threads().get(0)[0]))).length(),
                "keys rebuilt at their recorded lengths");
    }

    @Test
    void aStrategyThatIsNotThreadSafeReplaysOnlyReads() throws Exception {
        Path file = folder.resolve("w.trace");
        TraceFile.write(new Trace("t", "recorder", false, 0, 0, List.of(new TraceKey(TraceKey.Kind.NUMBER, 8, true)),
                List.of(new long[] {Trace.event(TraceOperation.PUT, 0, true, 8)})), file);
        assertThrows(IllegalStateException.class, () -> shared(file, MapStrategy.UNSYNCHRONIZED_HASHMAP.name(), 1));
        MapTraceBenchmark.Shared longs = shared(file, "CONCURRENT_HASHMAP", 1);
        assertEquals(Long.valueOf(0), longs.key(0));
        assertEquals(1, longs.map.size());
    }
}
