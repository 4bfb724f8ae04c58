package dev.mapbench.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.openjdk.jmh.profile.AsyncProfiler;

/**
 * Which event the CPU flame graphs sample, decided once per run by asking async-profiler itself.
 *
 * @param event    {@link FlameGraphEvent#CPU}, or {@link FlameGraphEvent#ITIMER} when perf events are refused
 * @param fallback the one line to print when it fell back, else {@code null}
 */
public record CpuEventChoice(FlameGraphEvent event, String fallback) {

    private static final Path PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");

    /**
     * The choice given the outcome of trying to start a {@code cpu} profile: {@code probeError} is the
     * profiler's error message, or {@code null} when it started. {@code paranoid} is
     * {@code kernel.perf_event_paranoid} when readable; it only explains the fallback, the probe decides.
     */
    public static CpuEventChoice decide(String probeError, OptionalInt paranoid) {
        if (probeError == null) {
            return new CpuEventChoice(FlameGraphEvent.CPU, null);
        }
        String setting = paranoid.isPresent() ? "; kernel.perf_event_paranoid=" + paranoid.getAsInt() : "";
        return new CpuEventChoice(FlameGraphEvent.ITIMER, "async-profiler: perf events unavailable ("
                + probeError.strip().replace('\n', ' ') + setting + "), CPU flame graphs sample with itimer");
    }

    /**
     * Loads the library into this JVM, tries a {@code cpu} profile for a moment, and decides.
     *
     * <p>It goes through JMH's own binding ({@code AsyncProfiler.JavaApi}), not async-profiler's
     * {@code one.profiler.AsyncProfiler}: the library binds its native methods to the classes loaded
     * when it is first loaded, and JMH's profiler, set up later in this same JVM, must find them bound.
     */
    public static CpuEventChoice probe(Path library) {
        String error = null;
        try {
            AsyncProfiler.JavaApi profiler = AsyncProfiler.JavaApi.getInstance(library.toString());
            profiler.execute("start,event=cpu");
            profiler.execute("stop");
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return decide(error, readParanoid(PARANOID));
    }

    /** The integer in a {@code perf_event_paranoid} file, or empty when it is missing or unreadable. */
    static OptionalInt readParanoid(Path file) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
