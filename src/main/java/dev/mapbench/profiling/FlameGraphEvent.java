package dev.mapbench.profiling;

/**
 * What a flame graph samples. {@link #CPU} uses the kernel's perf events; where the kernel forbids
 * them (a container without {@code CAP_PERFMON}, {@code kernel.perf_event_paranoid} too high) it falls
 * back to {@link #ITIMER}, the POSIX interval timer, which needs no permission but cannot see kernel
 * frames.
 */
public enum FlameGraphEvent {
    CPU("cpu", "cpu"),
    ITIMER("itimer", "cpu"),
    ALLOC("alloc", "alloc");

    private final String profilerName;
    private final String fileStem;

    FlameGraphEvent(String profilerName, String fileStem) {
        this.profilerName = profilerName;
        this.fileStem = fileStem;
    }

    /** The name async-profiler and JMH's {@code event=} option use. */
    public String profilerName() {
        return profilerName;
    }

    /** The flame graph's file name in the cell's profile folder: {@code cpu.html} or {@code alloc.html}. */
    public String fileName() {
        return fileStem + ".html";
    }
}
