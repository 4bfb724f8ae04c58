package dev.mapbench.runner;

import dev.mapbench.maps.MapOperation;
import dev.mapbench.trace.TraceProfile;
import dev.mapbench.trace.TraceReplay;
import dev.mapbench.workload.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A trace a run replays ({@code bench.trace}), read and checked before anything is measured: its name (the
 * workload its cells are compared under), its file, its profile, the thread counts it runs at and the operations a
 * strategy needs for it.
 *
 * @param name e.g. {@code trace-service}
 * @param file the trace file, absolute (each fork reads it)
 * @param profile the profile of what is replayed (after sampling)
 * @param threads thread counts: {@code bench.traceThreads}, else the recorded threads
 * @param maxEvents the sampling bound ({@code bench.traceMaxEvents})
 * @param operations the map operations it calls
 * @param sampleRate the share of keys kept (1: all)
 */
public record TraceWorkload(String name, Path file, TraceProfile profile, List<Integer> threads, long maxEvents,
        Set<MapOperation> operations, double sampleRate) {

    /** Copies the collections. */
    public TraceWorkload {
        threads = List.copyOf(threads);
        operations = Set.copyOf(operations);
    }

    /**
     * Reads {@code file} (every byte checked; a bad file is one error naming the file and the byte offset).
     *
     * @param threads the thread counts to replay at; empty for the recorded count
     */
    static TraceWorkload read(Path file, List<Integer> threads, long maxEvents) {
        try {
            TraceReplay replay = TraceReplay.load(file, 0, maxEvents);
            TraceProfile profile = TraceProfile.of(file.getFileName().toString(), replay.trace());
            List<Integer> counts = threads.isEmpty() ? List.of(replay.threads()) : threads;
            return new TraceWorkload(Workloads.traceName(file.toString()), file.toAbsolutePath(), profile, counts,
                    maxEvents, replay.operations(), replay.sampleRate());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(BenchProperty.TRACE.key() + ": " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Whether it only reads (a strategy that is not thread-safe may replay it). */
    public boolean readOnly() {
        return operations.equals(Set.of(MapOperation.GET));
    }

    /** Its share of gets, in percent, for display. */
    public int readPercent() {
        return (int) Math.round(100 * profile.operations().get(0).share());
    }
}
