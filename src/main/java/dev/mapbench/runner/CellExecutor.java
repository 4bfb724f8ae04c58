package dev.mapbench.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs cells through JMH's Java API, with {@code -prof gc}, and renders results as JMH JSON: one fork at a time
 * ({@link #run(Cell)} as a {@link ForkExecutor}, which the runner interleaves across cells) or all of a cell's
 * forks at once ({@link #runAllForks}, for flame-graph trials).
 */
final class CellExecutor implements ForkExecutor {

    /**
     * Arguments of every forked benchmark JVM: a fixed heap (no resizing during a cell, same for every
     * cell) and the collector named, so env.json can state both.
     */
    static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

    private final java.util.function.Function<Cell, CellTiming> timing;
    private final OutputFormat jmhOutput;

    /** Runs each cell with its benchmark's timing ({@link BenchSettings#timingOf}). */
    CellExecutor(java.util.function.Function<Cell, CellTiming> timing, OutputFormat jmhOutput) {
        this.timing = timing;
        this.jmhOutput = jmhOutput;
    }

    /** Runs all the cell's forks back to back; JMH's own text output goes to the run's log. */
    Collection<RunResult> runAllForks(Cell cell) throws RunnerException {
        return new Runner(options(cell).build(), jmhOutput).run();
    }

    /** Runs one fork of the cell (JMH {@code -f 1}), its warm-up iterations multiplied by {@code warmupFactor}. */
    @Override
    public Fork run(Cell cell, int warmupFactor, List<String> jvmArgs) throws RunnerException {
        int warmups = timing.apply(cell).warmupIterations() * warmupFactor;
        ChainedOptionsBuilder options = options(cell, jvmArgs).forks(1).warmupIterations(warmups);
        Collection<RunResult> results = new Runner(options.build(), jmhOutput).run();
        if (results.size() != 1) {
            throw new RunnerException("expected one result for " + cell.id() + ", JMH gave " + results.size());
        }
        RunResult result = results.iterator().next();
        var primary = result.getPrimaryResult();
        var alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        String summary = String.format(java.util.Locale.ROOT, "%.3f ± %.3f %s", primary.getScore(),
                primary.getScoreError(), primary.getScoreUnit())
                + (alloc == null ? "" : String.format(java.util.Locale.ROOT, ", alloc %.1f B/op", alloc.getScore()));
        double[] iterations = result.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .mapToDouble(iteration -> iteration.getPrimaryResult().getScore()).toArray();
        return new Fork(toJson(results), primary.getScore(), primary.getScoreUnit(), summary, iterations, warmups);
    }

    /** The cell's JMH options (also what its flame-graph trials start from). */
    ChainedOptionsBuilder options(Cell cell) {
        return options(cell, List.of());
    }

    /** The cell's JMH options with {@code extraJvmArgs} appended after the cell's own (JMH keeps one append list). */
    private ChainedOptionsBuilder options(Cell cell, List<String> extraJvmArgs) {
        ChainedOptionsBuilder options = timing.apply(cell).applyTo(new OptionsBuilder()
                .include("^" + Pattern.quote(cell.benchmark()) + "$")
                .threads(cell.threads()))
                .addProfiler(GCProfiler.class)
                .jvmArgs(FORK_JVM_ARGS.toArray(String[]::new))
                .shouldFailOnError(true);
        cell.params().forEach(options::param);
        List<String> append = new java.util.ArrayList<>(cell.forkArguments());
        append.addAll(extraJvmArgs);
        if (!append.isEmpty()) {
            options.jvmArgsAppend(append.toArray(String[]::new));
        }
        return options;
    }

    /** JMH's JSON rendering of results, exactly as {@code -rf json} would write it. */
    static String toJson(Collection<RunResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
