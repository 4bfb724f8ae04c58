package dev.mapbench.trace;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.workload.Distribution;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a trace is, in the terms a workload is described in: its operation mix, distinct keys, skew, threads and
 * duration, and the preset it is closest to. {@code scripts/trace profile} prints it, the runner copies it into
 * the run folder ({@code trace-profile.json}) and the report shows it beside the trace's verdicts.
 *
 * <p>The closest preset: the one with the least distance, where the distance is the L1 distance of the operation
 * shares (a preset's {@code update} and {@code insert} are the trace's {@code put}; a preset with roles weighs
 * each role by its threads at two threads), plus half the difference of the Zipf exponents (a uniform preset's is
 * 0, a hotspot's 1), plus 0.25 when one has String keys and the other not.
 *
 * @param file the trace file's name
 * @param source {@code recorder}, or the importer's format
 * @param recorderVersion the recorder or importer that wrote it
 * @param truncated whether recording stopped at its bound
 * @param events events in the trace
 * @param operations every operation with its count and share, in code order (those with no events too)
 * @param distinctKeys keys with at least one event
 * @param keysPresentAtStart keys the map held when the trace started
 * @param stringKeys whether most keys are Strings
 * @param threads threads with at least one event
 * @param durationMicros how long the recording ran
 * @param skew the Zipf fit of the keys' rank-frequency
 * @param closestPreset the closest preset's name
 * @param presetDistance its distance
 */
public record TraceProfile(String file, String source, String recorderVersion, boolean truncated, long events,
        List<OperationShare> operations, int distinctKeys, int keysPresentAtStart, boolean stringKeys, int threads,
        long durationMicros, ZipfFit skew, String closestPreset, double presetDistance) {

    /** The profile of {@code trace}, read from {@code file}. */
    public static TraceProfile of(String file, Trace trace) {
        long[] counts = trace.operationCounts();
        long events = trace.events();
        List<OperationShare> operations = new ArrayList<>();
        for (TraceOperation operation : TraceOperation.values()) {
            long count = counts[operation.code()];
            operations.add(new OperationShare(operation.label(), count, events == 0 ? 0 : (double) count / events));
        }
        long[] perKey = new long[trace.keys().size()];
        for (long[] thread : trace.threads()) {
            for (long event : thread) {
                perKey[Trace.key(event)]++;
            }
        }
        int distinct = (int) Arrays.stream(perKey).filter(count -> count > 0).count();
        int present = 0;
        int strings = 0;
        for (int id = 0; id < perKey.length; id++) {
            if (perKey[id] > 0) {
                TraceKey key = trace.keys().get(id);
                present += key.presentAtStart() ? 1 : 0;
                strings += key.kind() == TraceKey.Kind.STRING ? 1 : 0;
            }
        }
        int threads = (int) trace.threads().stream().filter(thread -> thread.length > 0).count();
        ZipfFit skew = ZipfFit.of(perKey);
        boolean stringKeys = strings * 2 > distinct;
        String closest = null;
        double best = Double.MAX_VALUE;
        for (WorkloadSpec preset : Presets.all()) {
            double distance = distance(operations, skew.exponent(), stringKeys, preset);
            if (distance < best) {
                best = distance;
                closest = preset.name();
            }
        }
        return new TraceProfile(file, trace.source(), trace.recorderVersion(), trace.truncated(), events, operations,
                distinct, present, stringKeys, threads, trace.durationMicros(), skew, closest, best);
    }

    /** The distance of a trace's mix, exponent and key type to a preset's (see the class comment). */
    static double distance(List<OperationShare> operations, double exponent, boolean stringKeys, WorkloadSpec preset) {
        Map<TraceOperation, Double> presetShares = presetShares(preset);
        double distance = 0;
        for (OperationShare share : operations) {
            TraceOperation operation = operationOf(share.operation());
            distance += Math.abs(share.share() - presetShares.getOrDefault(operation, 0.0));
        }
        distance += presetShares.getOrDefault(null, 0.0); // a preset's walks, which no trace operation matches
        distance += 0.5 * Math.abs(exponent - exponentOf(preset.distribution()));
        distance += stringKeys != preset.keyType().strings() ? 0.25 : 0;
        return distance;
    }

    private static TraceOperation operationOf(String label) {
        for (TraceOperation operation : TraceOperation.values()) {
            if (operation.label().equals(label)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("no trace operation " + label);
    }

    /** A preset's shares by trace operation (null: walks). */
    private static Map<TraceOperation, Double> presetShares(WorkloadSpec preset) {
        Map<TraceOperation, Double> shares = new java.util.HashMap<>();
        List<Map<MapOperation, Integer>> mixes = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        if (preset.hasRoles()) {
            List<Integer> perRole = preset.threadsPerRole(Math.max(2, preset.minimumThreads()));
            for (int role = 0; role < perRole.size(); role++) {
                mixes.add(preset.roles().get(role).mix());
                weights.add(perRole.get(role));
            }
        } else {
            mixes.add(preset.mix());
            weights.add(1);
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        for (int i = 0; i < mixes.size(); i++) {
            double weight = (double) weights.get(i) / total;
            for (Map.Entry<MapOperation, Integer> entry : new EnumMap<>(mixes.get(i)).entrySet()) {
                shares.merge(traceOperation(entry.getKey()), weight * entry.getValue() / 100.0, Double::sum);
            }
        }
        return shares;
    }

    /** The trace operation a workload operation is recorded as; null for a walk. */
    public static TraceOperation traceOperation(MapOperation operation) {
        return switch (operation) {
            case GET -> TraceOperation.GET;
            case UPDATE, INSERT -> TraceOperation.PUT;
            case REMOVE -> TraceOperation.REMOVE;
            case PUT_IF_ABSENT -> TraceOperation.PUT_IF_ABSENT;
            case COMPUTE_IF_ABSENT -> TraceOperation.COMPUTE_IF_ABSENT;
            case MERGE -> TraceOperation.MERGE;
            case WALK -> null;
        };
    }

    private static double exponentOf(Distribution distribution) {
        if (distribution instanceof Distribution.Zipf zipf) {
            return zipf.constant();
        }
        if (distribution instanceof Distribution.Latest latest) {
            return latest.constant();
        }
        return distribution instanceof Distribution.Hotspot ? 1.0 : 0.0;
    }

    /** The profile as {@code scripts/trace profile} prints it: one line per operation, then keys, threads, skew. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %d events, source %s (%s)%s, over %s", file, events, source,
                recorderVersion, truncated ? ", TRUNCATED at the recorder's bound" : "", duration()));
        for (OperationShare share : operations) {
            lines.add(String.format(Locale.ROOT, "%-16s %12d %6.2f %%", share.operation(), share.count(),
                    100 * share.share()));
        }
        lines.add(String.format(Locale.ROOT, "distinct keys    %12d (%d present at the start, %s keys)", distinctKeys,
                keysPresentAtStart, stringKeys ? "String" : "Long"));
        lines.add(String.format(Locale.ROOT, "threads          %12d", threads));
        lines.add(String.format(Locale.ROOT, "skew: Zipf exponent %.3f, R² %.3f over the %d most used keys", skew.exponent(),
                skew.rSquared(), skew.ranksFitted()));
        lines.add(String.format(Locale.ROOT, "closest preset: %s (distance %.3f: operation shares, skew, key type)",
                closestPreset, presetDistance));
        return lines;
    }

    /** The duration in words: {@code 1.25 s}, {@code 3 min 20 s}. */
    public String duration() {
        double seconds = durationMicros / 1e6;
        return seconds < 120 ? String.format(Locale.ROOT, "%.2f s", seconds)
                : String.format(Locale.ROOT, "%d min %d s", (long) seconds / 60, (long) seconds % 60);
    }

    /** The operation mix in one line: {@code get 64.8 %, put 30.1 %, …} (operations with events only). */
    public String mixText() {
        List<String> parts = new ArrayList<>();
        for (OperationShare share : operations) {
            if (share.count() > 0) {
                parts.add(String.format(Locale.ROOT, "%s %.1f %%", share.operation(), 100 * share.share()));
            }
        }
        return String.join(", ", parts);
    }
}
