package dev.mapbench.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * Runs cells' forks through JMH's Java API, one at a time ({@link ForkExecutor}, which the runner interleaves
 * across cells), each from the cell's {@link ForkSpec}, and renders results as JMH JSON.
 */
final class CellExecutor implements ForkExecutor {

    private final java.util.function.Function<Cell, CellTiming> timing;
    private final OutputFormat jmhOutput;

    /** Runs each cell with its benchmark's timing ({@link BenchSettings#timingOf}). */
    CellExecutor(java.util.function.Function<Cell, CellTiming> timing, OutputFormat jmhOutput) {
        this.timing = timing;
        this.jmhOutput = jmhOutput;
    }

    /** Runs one fork of the cell (JMH {@code -f 1}), its warm-up iterations multiplied by {@code warmupFactor}. */
    @Override
    public Fork run(Cell cell, int warmupFactor, List<String> jvmArgs) throws RunnerException {
        int warmups = timing.apply(cell).warmupIterations() * warmupFactor;
        ForkSpec spec = cell.forkSpec(timing.apply(cell)).withForks(1).withWarmupIterations(warmups).appending(jvmArgs);
        Collection<RunResult> results = new Runner(spec.toOptions(), jmhOutput).run();
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
        return cell.forkSpec(timing.apply(cell)).toBuilder();
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
