package dev.mapbench.trace;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.workload.OperationSequence;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A preset's own generated sequences written as a trace, so the replay harness and the synthetic generator can be
 * measured on the same operations and keys: thread {@code t}'s events are {@link OperationSequence#generate}'s
 * steps for thread {@code t}, every resident key present at the start, Long keys. Steady presets without roles
 * whose operations a trace records (get, update, remove, putIfAbsent, computeIfAbsent, merge).
 *
 * <p>{@code java -cp target/test-classes:target/classes:$(cat target/classpath.txt) dev.mapbench.trace.SyntheticTrace
 * ycsb-b 2 /tmp/ycsb-b.trace}
 */
public final class SyntheticTrace {

    private SyntheticTrace() {
    }

    static Trace of(WorkloadSpec spec, int threads) {
        if (spec.grows() || spec.hasRoles() || spec.keyType().strings() || spec.operations().contains(MapOperation.WALK)
                || spec.operations().contains(MapOperation.INSERT)) {
            throw new IllegalArgumentException(spec.name() + ": only steady presets of Long keys without roles, inserts "
                    + "or walks");
        }
        List<TraceKey> keys = new ArrayList<>();
        for (int id = 0; id < spec.size(); id++) {
            keys.add(new TraceKey(TraceKey.Kind.NUMBER, 8, true));
        }
        List<long[]> sequences = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            OperationSequence sequence = OperationSequence.generate(spec, spec.mix(), thread);
            long[] events = new long[sequence.length()];
            for (int step = 0; step < events.length; step++) {
                events[step] = Trace.event(TraceProfile.traceOperation(sequence.operations()[step]), sequence.keys()[step],
                        true, 8);
            }
            sequences.add(events);
        }
        return new Trace("mapbench-synthetic 1", "synthetic", false, 0, 0, keys, sequences);
    }

    public static void main(String[] args) throws Exception {
        Trace trace = of(Presets.named(args[0]), Integer.parseInt(args[1]));
        TraceFile.write(trace, Path.of(args[2]));
        System.out.println(args[2] + ": " + trace.events() + " events of " + args[0]);
    }
}
