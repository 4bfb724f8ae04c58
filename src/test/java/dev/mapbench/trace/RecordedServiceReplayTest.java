package dev.mapbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.recorder.TraceRecorder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service wearing the recorder: its trace, profiled and laid out for replay, has the operation mix, distinct
 * keys and skew the service counted itself, within 1 %.
 */
class RecordedServiceReplayTest {

    static final int REQUESTS = 120_000;
    static final int HANDLERS = 3;

    @TempDir
    static Path folder;
    static InProcessService service;
    static Path file;

    @BeforeAll
    static void serve() throws Exception {
        service = new InProcessService(new TraceRecorder(10_000_000, 1L << 30));
        service.serve(REQUESTS, 5_000, 0.9, HANDLERS);
        file = folder.resolve("service.trace");
        service.recorder.writeTo(file);
    }

    private static long serviceTotal() {
        long total = 0;
        for (int code = 0; code < service.counts.length(); code++) {
            total += service.counts.get(code);
        }
        return total;
    }

    @Test
    void profileMatchesTheServicesOwnCounts() throws Exception {
        TraceProfile profile = TraceProfile.of("service.trace", dev.mapbench.recorder.TraceFile.read(file));
        long total = serviceTotal();
        assertEquals(total, profile.events());
        for (OperationShare share : profile.operations()) {
            TraceOperation operation = TraceOperation.valueOf(share.operation().replaceAll("([A-Z])", "_$1")
                    .toUpperCase(java.util.Locale.ROOT));
            assertEquals(service.counts.get(operation.code()), share.count(), share.operation());
        }
        assertEquals(service.perKey.size(), profile.distinctKeys());
        assertEquals(HANDLERS + 1, profile.threads(), "the handlers and the thread that warmed the cache");
        ZipfFit own = ZipfFit.of(service.perKeyCounts());
        assertEquals(own.exponent(), profile.skew().exponent(), 0.01 * own.exponent());
    }

    @Test
    void replayedSequencesHoldTheServicesMixKeysAndSkewWithinOnePercent() throws Exception {
        TraceReplay replay = TraceReplay.load(file, 0, TraceReplay.DEFAULT_MAX_EVENTS);
        assertEquals(1.0, replay.sampleRate());
        long[] replayed = new long[TraceOperation.values().length];
        long[] perKey = new long[replay.trace().keys().size()];
        Set<Integer> keys = new HashSet<>();
        for (long[] sequence : replay.sequences()) {
            for (long event : sequence) {
                replayed[Trace.operationCode(event)]++;
                perKey[Trace.key(event)]++;
                keys.add(Trace.key(event));
            }
        }
        long total = serviceTotal();
        for (TraceOperation operation : TraceOperation.values()) {
            double serviceShare = (double) service.counts.get(operation.code()) / total;
            double replayShare = (double) replayed[operation.code()] / total;
            assertEquals(serviceShare, replayShare, 0.01 * Math.max(serviceShare, 1e-9), operation.label());
        }
        assertEquals(service.perKey.size(), keys.size(), 0.01 * service.perKey.size());
        double own = ZipfFit.of(service.perKeyCounts()).exponent();
        assertEquals(own, ZipfFit.of(perKey).exponent(), 0.01 * own);
        assertTrue(replay.residentKeys().length == 0, "every key was first put (the warm-up) or first missed");
    }

    @Test
    void replayScaledToFewerThreadsKeepsEveryEventInEachThreadsOrder() throws Exception {
        TraceReplay recorded = TraceReplay.load(file, 0, TraceReplay.DEFAULT_MAX_EVENTS);
        TraceReplay two = TraceReplay.load(file, 2, TraceReplay.DEFAULT_MAX_EVENTS);
        assertEquals(2, two.threads());
        assertEquals(recorded.trace().events(), two.sequences().stream().mapToLong(s -> s.length).sum());
        TraceReplay eight = TraceReplay.load(file, 8, TraceReplay.DEFAULT_MAX_EVENTS);
        assertEquals(8, eight.threads());
    }

    @Test
    void largeTraceIsSampledByKeyToAboutTheBound() throws Exception {
        long events = service.recorder.snapshot().events();
        TraceReplay sampled = TraceReplay.load(file, 0, events / 4);
        long kept = sampled.sequences().stream().mapToLong(s -> s.length).sum();
        assertTrue(sampled.sampleRate() < 0.26 && sampled.sampleRate() > 0.24, "rate " + sampled.sampleRate());
        assertTrue(kept < events / 2, "kept " + kept + " of " + events);
        Set<Integer> keys = new HashSet<>();
        sampled.sequences().forEach(s -> {
            for (long event : s) {
                keys.add(Trace.key(event));
            }
        });
        assertEquals(service.perKey.size() * 0.25, keys.size(), service.perKey.size() * 0.05, "a quarter of the keys");
    }
}
