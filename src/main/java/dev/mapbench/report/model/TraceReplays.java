package dev.mapbench.report.model;

import dev.mapbench.stats.Ranking;
import dev.mapbench.trace.TraceProfile;
import java.util.List;

/**
 * The replayed traces of a run ({@code bench.trace}): each trace's profile (copied into the run folder by the
 * runner) beside its verdicts, one per thread count it was replayed at.
 *
 * @param traces one entry per trace, by name
 */
public record TraceReplays(List<Replayed> traces) implements ReportSection {

    /** Copies the list. */
    public TraceReplays {
        traces = List.copyOf(traces);
    }

    /**
     * One trace: its workload name, its profile (null when the run folder has none) and its verdicts.
     *
     * @param name e.g. {@code trace-service}
     * @param profile what the trace is
     * @param verdicts by thread count, ascending
     */
    public record Replayed(String name, TraceProfile profile, List<AtThreads> verdicts) {
        /** Copies the list. */
        public Replayed {
            verdicts = List.copyOf(verdicts);
        }
    }

    /**
     * The verdict of one trace at one thread count.
     *
     * @param threads threads replaying it
     * @param oversubscribed more threads than cores: measured, never decided
     * @param ranking every strategy's verdict
     */
    public record AtThreads(int threads, boolean oversubscribed, Ranking ranking) {
    }
}
