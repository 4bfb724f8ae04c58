package dev.mapbench.runner;

import dev.mapbench.results.ForkStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 *
 * <p>Every fork runs under its {@link ForkWatchdog} (JMH starts the fork's JVM; past the limit the watchdog ends
 * it and its children) and writes its tear-down's state check to a file of its own ({@link StateCheckFile}); a
 * fork ended by the watchdog or whose map was corrupted is an {@link UnmeasuredFork}, not a plain failure.
 */
final class CellExecutor implements ForkExecutor {

    private final java.util.function.Function<Cell, CellTiming> timing;
    private final OutputFormat jmhOutput;
    private final ForkWatchdog watchdog;
    private double lastStateCheckMillis = Double.NaN;

    /** Runs each cell with its benchmark's timing ({@link BenchSettings#timingOf}), under the planned watchdog. */
    CellExecutor(java.util.function.Function<Cell, CellTiming> timing, OutputFormat jmhOutput) {
        this(timing, jmhOutput, ForkWatchdog.planned());
    }

    /** Runs each cell with its benchmark's timing, each fork under {@code watchdog}. */
    CellExecutor(java.util.function.Function<Cell, CellTiming> timing, OutputFormat jmhOutput, ForkWatchdog watchdog) {
        this.timing = timing;
        this.jmhOutput = jmhOutput;
        this.watchdog = watchdog;
    }

    /** What the last fork's state check took, in milliseconds (NaN when it wrote none). */
    @Override
    public double lastStateCheckMillis() {
        return lastStateCheckMillis;
    }

    /** Runs one fork of the cell (JMH {@code -f 1}), its warm-up iterations multiplied by {@code warmupFactor}. */
    @Override
    public Fork run(Cell cell, int warmupFactor, List<String> jvmArgs) throws RunnerException {
        CellTiming planned = timing.apply(cell);
        int warmups = planned.warmupIterations() * warmupFactor;
        Path stateFile = stateFile();
        ForkSpec spec = cell.forkSpec(planned).withForks(1).withWarmupIterations(warmups).appending(jvmArgs)
                .appending(StateCheckFile.jvmArgs(stateFile));
        Collection<RunResult> results;
        try {
            results = watched(spec, watchdog.limit(planned, warmups), stateFile, jmhOutput);
        } finally {
            lastStateCheckMillis = StateCheckFile.read(stateFile).map(StateCheckFile::millis).orElse(Double.NaN);
            deleteQuietly(stateFile);
        }
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

    /**
     * Runs {@code spec} through JMH under a watch of {@code limit}: past it the fork's processes are ended and the
     * run is an {@link UnmeasuredFork} (timed out); a fork that failed and left a corrupted state check in
     * {@code stateFile} is one too (corrupted). Any other failure is JMH's own.
     */
    static Collection<RunResult> watched(ForkSpec spec, Duration limit, Path stateFile, OutputFormat jmhOutput)
            throws RunnerException {
        try (ForkWatchdog.Watch watch = ForkWatchdog.Watch.start(limit)) {
            try {
                return new Runner(spec.toOptions(), jmhOutput).run();
            } catch (RunnerException | RuntimeException e) {
                if (watch.fired()) {
                    throw new UnmeasuredFork(ForkStatus.TIMED_OUT, "ran past its limit of " + ForkWatchdog.seconds(limit)
                            + "; its process tree was ended");
                }
                var check = stateFile == null ? java.util.Optional.<StateCheckFile>empty() : StateCheckFile.read(stateFile);
                if (check.isPresent() && check.get().corrupted()) {
                    throw new UnmeasuredFork(ForkStatus.CORRUPTED, check.get().evidence());
                }
                throw e;
            }
        }
    }

    /** A fresh file for one fork's state check. */
    static Path stateFile() {
        try {
            Path file = Files.createTempFile("mapbench-state-check-", ".json");
            Files.delete(file); // the fork writes it; no file means the fork never reached its tear-down
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
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
