package dev.mapbench.profiling;

import java.nio.file.Path;

/**
 * The option line for JMH's built-in async-profiler integration
 * ({@code org.openjdk.jmh.profile.AsyncProfiler}, {@code -prof async:<line>}) for one flame graph.
 *
 * <p>One event per trial: JMH 1.37 can record a second event beside the first only into JFR, which
 * would need async-profiler's converter (not in the Maven Central jar) to become HTML. Only the
 * forward (root at the bottom) graph is written; the reverse one is the same data.
 */
public final class AsyncProfilerSpec {

    /** CPU sampling interval: 1 ms, so a profiling trial of a few seconds still gives thousands of samples. */
    static final long CPU_INTERVAL_NANOS = 1_000_000L;

    private AsyncProfilerSpec() {
    }

    /**
     * The JMH option line that writes an HTML flame graph of {@code event} under {@code outputDir}.
     * JMH puts it at {@code <outputDir>/<benchmark id>/flame-<event>-forward.html}.
     *
     * @throws IllegalArgumentException when a path holds {@code ;} or {@code ,}, which JMH's option
     *                                  parser would split
     */
    public static String optionLine(Path library, FlameGraphEvent event, Path outputDir) {
        StringBuilder line = new StringBuilder()
                .append("libPath=").append(checked(library))
                .append(";output=flamegraph;direction=forward")
                .append(";event=").append(event.profilerName());
        if (event != FlameGraphEvent.ALLOC) {
            line.append(";interval=").append(CPU_INTERVAL_NANOS);
        }
        return line.append(";dir=").append(checked(outputDir)).toString();
    }

    private static String checked(Path path) {
        String text = path.toAbsolutePath().toString();
        if (text.contains(";") || text.contains(",")) {
            throw new IllegalArgumentException("path unusable in a JMH profiler option (holds ';' or ','): " + text);
        }
        return text;
    }
}
