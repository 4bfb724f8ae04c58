package dev.mapbench.trace;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A trace turned into what a benchmark's threads walk: one sequence of (operation, key id, value size) per replay
 * thread, in recorded order, and the keys the map holds before timing.
 *
 * <p>Rules, stated once (docs/traces.md repeats them):
 * <ul>
 *   <li><b>Present at the start</b>: a key is in the map before timing when the trace marks it so (and sampling
 *       kept it): the recorder marks a key whose first call found it present, the Twitter importer a key whose
 *       first request is not a put (a get, delete, incr or decr of a key the cache already held).</li>
 *   <li><b>Threads</b>: at the recorded count, replay thread {@code i} walks recorded thread {@code i}. Scaled to
 *       {@code n} fewer threads, replay thread {@code i} walks recorded threads {@code i, i + n, i + 2n, …}
 *       interleaved one event at a time (each keeps its own order; the shorter ones end first). Scaled to more,
 *       replay thread {@code i} walks recorded thread {@code i mod t} starting {@code (i div t) / ceil(n / t)} of
 *       the way in, so copies of one thread do not run in lockstep.</li>
 *   <li><b>Sampling</b>: a trace of more than {@code maxEvents} events keeps the events of a fixed pseudo-random
 *       subset of its keys (key id hashed, kept when the hash falls under {@code maxEvents / events}), so each kept
 *       key keeps every one of its events in order: the mix, the skew's slope and each key's reuse survive, and
 *       about {@code maxEvents} events are loaded.</li>
 * </ul>
 *
 * @param trace the trace as loaded (sampled, if it was)
 * @param sampleRate the share of keys kept (1: the whole trace)
 * @param sequences each replay thread's events, packed as {@link Trace#event}
 */
public record TraceReplay(Trace trace, double sampleRate, List<long[]> sequences) {

    /** The default bound on events loaded: 4 Mi, 32 MiB of events plus the keys and values built from them. */
    public static final long DEFAULT_MAX_EVENTS = 1L << 22;

    /** Loads {@code file} for {@code threads} replay threads (0: as recorded), sampled to {@code maxEvents}. */
    public static TraceReplay load(Path file, int threads, long maxEvents) throws IOException {
        TraceFile.Header header = TraceFile.readHeader(file);
        double rate = header.events() <= maxEvents ? 1.0 : (double) maxEvents / header.events();
        Trace trace = TraceFile.read(file, keep(rate));
        return of(trace, rate, threads);
    }

    /** The sampling rule: keep a key when its hashed id falls under {@code rate}. */
    static IntPredicate keep(double rate) {
        if (rate >= 1) {
            return id -> true;
        }
        long bound = (long) (rate * (1L << 32));
        return id -> (mix(id) & 0xFFFF_FFFFL) < bound;
    }

    private static long mix(int id) {
        long z = id * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        return z ^ (z >>> 31);
    }

    /** {@code trace} laid out for {@code threads} replay threads (0: as recorded). */
    public static TraceReplay of(Trace trace, double sampleRate, int threads) {
        List<long[]> recorded = trace.threads().stream().filter(thread -> thread.length > 0).toList();
        if (recorded.isEmpty()) {
            throw new IllegalArgumentException("the trace holds no events to replay" + (sampleRate < 1 ? " after sampling" : ""));
        }
        int count = threads <= 0 ? recorded.size() : threads;
        List<long[]> sequences = new ArrayList<>();
        if (count == recorded.size()) {
            sequences.addAll(recorded);
        } else if (count < recorded.size()) {
            for (int i = 0; i < count; i++) {
                List<long[]> mine = new ArrayList<>();
                for (int j = i; j < recorded.size(); j += count) {
                    mine.add(recorded.get(j));
                }
                sequences.add(interleave(mine));
            }
        } else {
            int copies = (count + recorded.size() - 1) / recorded.size();
            for (int i = 0; i < count; i++) {
                long[] source = recorded.get(i % recorded.size());
                int start = (int) ((long) source.length * (i / recorded.size()) / copies);
                long[] rotated = new long[source.length];
                System.arraycopy(source, start, rotated, 0, source.length - start);
                System.arraycopy(source, 0, rotated, source.length - start, start);
                sequences.add(rotated);
            }
        }
        return new TraceReplay(trace, sampleRate, sequences);
    }

    private static long[] interleave(List<long[]> threads) {
        int total = threads.stream().mapToInt(thread -> thread.length).sum();
        long[] out = new long[total];
        int[] next = new int[threads.size()];
        int filled = 0;
        while (filled < total) {
            for (int t = 0; t < threads.size(); t++) {
                if (next[t] < threads.get(t).length) {
                    out[filled++] = threads.get(t)[next[t]++];
                }
            }
        }
        return out;
    }

    /** Replay threads. */
    public int threads() {
        return sequences.size();
    }

    /**
     * The ids of the keys the map holds before timing: those marked present at the start that sampling kept, whether
     * or not a replayed event touches them (the map's size is part of the workload: a key nobody asks for still
     * takes its place in the table).
     */
    public int[] residentKeys() {
        IntPredicate kept = keep(sampleRate);
        int[] resident = new int[trace.keys().size()];
        int count = 0;
        for (int id = 0; id < resident.length; id++) {
            if (trace.keys().get(id).presentAtStart() && kept.test(id)) {
                resident[count++] = id;
            }
        }
        return Arrays.copyOf(resident, count);
    }

    /** Whether the keys are Strings (most of them; the others are rebuilt as Strings too). */
    public boolean stringKeys() {
        long strings = trace.keys().stream().filter(key -> key.kind() == TraceKey.Kind.STRING).count();
        return strings * 2 > trace.keys().size();
    }

    /**
     * Key {@code id} rebuilt: a {@code Long} ({@code id * 7919}, spread as the grid's keys) for a trace of number
     * keys; for String keys a String of the recorded length, the id in base 36 left-padded with {@code 0} (longer
     * than recorded only when the length cannot hold the id, so distinct keys stay distinct).
     */
    public Object key(int id) {
        return key(id, stringKeys());
    }

    /** {@link #key(int)} with {@link #stringKeys()} given, which counts every key: for rebuilding keys one by one. */
    public Object key(int id, boolean stringKeys) {
        if (!stringKeys) {
            return Long.valueOf(id * 7919L);
        }
        return stringKey(id, trace.keys().get(id).size());
    }

    static String stringKey(int id, int length) {
        String digits = Integer.toString(id, 36);
        if (digits.length() >= length) {
            return digits;
        }
        char[] text = new char[length];
        Arrays.fill(text, 0, length - digits.length(), '0');
        digits.getChars(0, digits.length(), text, length - digits.length());
        return new String(text);
    }

    /** The map operations the replay calls (what a strategy must implement). */
    public Set<MapOperation> operations() {
        long[] counts = trace.operationCounts();
        Set<MapOperation> used = EnumSet.noneOf(MapOperation.class);
        for (TraceOperation operation : TraceOperation.values()) {
            if (counts[operation.code()] > 0) {
                used.add(mapOperation(operation));
            }
        }
        return used;
    }

    /**
     * Whether values must be Longs: a trace with merges counts in Long values, so every value is one. It counts every
     * event: call it once, not per event.
     */
    public boolean longValues() {
        return trace.operationCounts()[TraceOperation.MERGE.code()] > 0;
    }

    /** The workload operation a trace operation replays as (a put is an update or an insert; both are put). */
    public static MapOperation mapOperation(TraceOperation operation) {
        return switch (operation) {
            case GET -> MapOperation.GET;
            case PUT -> MapOperation.UPDATE;
            case REMOVE -> MapOperation.REMOVE;
            case PUT_IF_ABSENT -> MapOperation.PUT_IF_ABSENT;
            case COMPUTE_IF_ABSENT -> MapOperation.COMPUTE_IF_ABSENT;
            case MERGE -> MapOperation.MERGE;
        };
    }
}
