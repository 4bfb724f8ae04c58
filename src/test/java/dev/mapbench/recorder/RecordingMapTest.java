package dev.mapbench.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingMapTest {

    @TempDir
    Path folder;

    @Test
    void recordsEachCallWithItsOperationKeyIdHitAndValueSize() throws Exception {
        TraceRecorder recorder = new TraceRecorder(1_000, 1 << 20);
        ConcurrentMap<String, byte[]> map = recorder.wrap(new ConcurrentHashMap<>());
        map.get("alpha");                       // miss
        map.put("alpha", new byte[10]);         // insert
        map.get("alpha");                       // hit, 10 bytes
        map.put("beta", new byte[3]);
        map.computeIfAbsent("gamma", k -> new byte[7]);
        map.computeIfAbsent("gamma", k -> new byte[9]);
        map.merge("beta", new byte[1], (a, b) -> new byte[a.length + b.length]);
        map.remove("alpha");
        map.putIfAbsent("beta", new byte[5]);
        Trace trace = recorder.snapshot();

        assertEquals(1, trace.threads().size());
        long[] events = trace.threads().get(0);
        assertEquals(9, events.length);
        assertEquals(TraceOperation.GET, Trace.operation(events[0]));
        assertFalse(Trace.hit(events[0]));
        assertEquals(-1, Trace.valueSize(events[0]));
        assertEquals(TraceOperation.PUT, Trace.operation(events[1]));
        assertFalse(Trace.hit(events[1]));
        assertTrue(Trace.hit(events[2]));
        assertEquals(10, Trace.valueSize(events[2]));
        assertEquals(Trace.key(events[0]), Trace.key(events[2]), "one id per distinct key");
        assertEquals(3, trace.keys().size());
        assertFalse(Trace.hit(events[4]), "computeIfAbsent that ran its function is a miss");
        assertTrue(Trace.hit(events[5]));
        assertEquals(TraceOperation.MERGE, Trace.operation(events[6]));
        assertTrue(Trace.hit(events[6]));
        assertEquals(4, Trace.valueSize(events[6]));
        assertEquals(TraceOperation.REMOVE, Trace.operation(events[7]));
        assertTrue(Trace.hit(events[8]));
        assertEquals(new TraceKey(TraceKey.Kind.STRING, 5, false), trace.keys().get(Trace.key(events[0])));
        assertFalse(trace.truncated());
    }

    @Test
    void traceRoundTripsThroughTheFileWithoutTheKeysText() throws Exception {
        TraceRecorder recorder = new TraceRecorder(10_000, 1 << 20);
        ConcurrentMap<Long, Long> map = recorder.wrap(new ConcurrentHashMap<>());
        Thread[] threads = new Thread[3];
        for (int t = 0; t < threads.length; t++) {
            long base = t;
            threads[t] = new Thread(() -> {
                for (long i = 0; i < 500; i++) {
                    map.merge(base * 1000 + i % 17, 1L, Long::sum);
                    map.get(i % 5);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Path file = folder.resolve("service.trace");
        recorder.writeTo(file);
        Trace read = TraceFile.read(file);
        Trace original = recorder.snapshot();
        assertEquals(3, read.threads().size());
        assertEquals(3000, read.events());
        assertEquals(original.keys(), read.keys());
        for (int t = 0; t < 3; t++) {
            assertEquals(java.util.Arrays.toString(original.threads().get(t)), java.util.Arrays.toString(read.threads().get(t)));
        }
        assertEquals(1500, read.operationCounts()[TraceOperation.MERGE.code()]);
        assertEquals(TraceRecorder.VERSION, read.recorderVersion());
        String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("1016"), "no key text in the file");
    }

    @Test
    void recorderStopsAtItsBoundSaysSoAndTheMapKeepsWorking() throws Exception {
        TraceRecorder recorder = new TraceRecorder(100, 1 << 20);
        ConcurrentMap<Integer, Integer> map = recorder.wrap(new ConcurrentHashMap<>());
        for (int i = 0; i < 10_000; i++) {
            map.put(i % 50, i);
        }
        assertTrue(recorder.truncated());
        assertFalse(recorder.recording());
        assertEquals(50, map.size());
        assertEquals(9_999, map.get(49));
        Path file = folder.resolve("bounded.trace");
        recorder.writeTo(file);
        Trace read = TraceFile.read(file);
        assertEquals(100, read.events());
        assertTrue(read.truncated());
        assertTrue(TraceFile.readHeader(file).truncated());
    }

    @Test
    void recorderStopsAtItsByteBound() {
        TraceRecorder recorder = new TraceRecorder(1_000_000, 64 * 1024);
        ConcurrentMap<Integer, Integer> map = recorder.wrap(new ConcurrentHashMap<>());
        for (int i = 0; i < 100_000; i++) {
            map.put(i, i);
        }
        assertTrue(recorder.truncated());
        assertTrue(recorder.operations() * 8 <= 64 * 1024, "events within the byte bound: " + recorder.operations());
        assertEquals(100_000, map.size());
    }

    @Test
    void keysThatTheFirstCallFoundPresentAreMarkedPresentAtStart() {
        ConcurrentHashMap<String, String> backing = new ConcurrentHashMap<>();
        backing.put("old", "x");
        TraceRecorder recorder = new TraceRecorder(1_000, 1 << 20);
        ConcurrentMap<String, String> map = recorder.wrap(backing);
        map.get("old");
        map.put("new", "y");
        map.get("new");
        Trace trace = recorder.snapshot();
        assertTrue(trace.keys().get(0).presentAtStart());
        assertFalse(trace.keys().get(1).presentAtStart());
    }
}
