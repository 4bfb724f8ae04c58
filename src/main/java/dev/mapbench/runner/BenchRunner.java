package dev.mapbench.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmark matrix cell by cell and writes the run folder (contract 1).
 *
 * <p>Settings come from {@code bench.*} system properties (see {@link BenchSettings}). Each cell is one
 * JMH run with one thread count; its JMH JSON is written to {@code cells/} the moment it finishes, so a
 * killed run keeps every finished cell and {@code -Dbench.resume=<folder>} continues it. The last line
 * printed is {@code results: <folder>}. Exit 0 when every cell succeeded, 1 when a cell failed, 2 on bad
 * input. {@code -Dbench.merge=<folder>,<folder>...} merges shard folders instead (see {@link ShardMerge}).
 */
public final class BenchRunner {

    /** Written at the start of every run: the run folder, for the Maven verify step (report). */
    static final Path LAST_RUN_FILE = Path.of("target", "bench-last-run.txt");

    static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSettings settings;
    private final RunFolder folder;
    private final int cores;
    private final PrintStream console;
    private DeepMeasurements deep;
    private PluginGate plugins;

    BenchRunner(BenchSettings settings, RunFolder folder, int cores, PrintStream console) {
        this.settings = settings;
        this.folder = folder;
        this.cores = cores;
        this.console = console;
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        int exit;
        try {
            BenchSettings settings = BenchSettings.from(System.getProperties(), cores);
            if (!settings.merge().isEmpty()) {
                Path merged = ShardMerge.merge(settings, System.out);
                rememberLastRun(merged);
                System.out.println("results: " + merged);
                exit = 0;
            } else {
                settings = ResumedRun.settingsFor(settings, System.getProperties(), cores);
                Path root = settings.resume() != null ? settings.resume() : settings.resultsRoot().resolve(settings.runId());
                exit = new BenchRunner(settings, new RunFolder(root), cores, System.out).runHoldingJmhLock();
                System.out.println("results: " + root);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /**
     * JMH refuses to run while another JMH instance holds {@code /tmp/jmh.lock}. The runner takes that lock
     * once for the whole matrix (waiting for it if another run measures), so no other JMH run on this
     * machine measures between two of our cells, and tells JMH's per-cell runs that the lock is ours.
     */
    int runHoldingJmhLock() throws IOException {
        if (settings.ignoreJmhLock()) {
            console.println("WARNING: bench.ignoreLock=true: measuring even if another JMH run is going; "
                    + "numbers are for pipeline checks only (env.json: jmhLockIgnored)");
            System.setProperty("jmh.ignoreLock", "true");
            return run();
        }
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                console.printf("waiting for %s: another JMH run is measuring on this machine%n", lockFile);
                long waitStart = System.nanoTime();
                lock = channel.lock(); // blocks; the kernel wakes us as soon as the other run lets go
                console.printf("got %s after %d s%n", lockFile, (System.nanoTime() - waitStart) / 1_000_000_000L);
            }
            System.setProperty("jmh.ignoreLock", "true");
            try {
                return run();
            } finally {
                lock.release();
            }
        }
    }

    /** Runs every cell of this shard not already in the folder; returns the exit code. */
    int run() throws IOException {
        plugins = PluginGate.admit(settings, console); // plug-ins on the forks' path, and Lincheck-checked, before any cell
        List<Cell> matrix = settings.matrix();
        List<Integer> positions = Matrix.positionsOf(matrix, settings.shard());
        deep = DeepMeasurements.plan(settings, System.getProperties(), cores, matrix.size(), folder, console);
        int planned = positions.size() + deep.cellsInShard();
        folder.create();
        rememberLastRun(folder.root());
        Map<String, Path> done = folder.finishedCells();
        List<Integer> todo = positions.stream().filter(p -> !done.containsKey(matrix.get(p).id())).toList();
        Instant startedAt = ResumedRun.startedAt(folder).orElse(Instant.now());
        writeEnv(planned, startedAt, null);
        console.printf("run %s: effort %s, threads %s, shard %s, %d cells (%d already done), %d cores%s%n",
                settings.runId(), settings.effort().label(), settings.threads(), settings.shard(), planned,
                positions.size() - todo.size(), cores, settings.threads().stream().anyMatch(t -> t > cores)
                        ? "; cells with more threads than cores are marked OVERSUBSCRIBED" : "");
        int failures = runCells(matrix, todo);
        failures += FootprintStep.run(settings, folder, console);
        int assembled = folder.assembleResult();
        RunFolder.writeAtomically(folder.file(RunFolder.ALLOCATION),
                AllocationPerOp.csv(List.copyOf(folder.finishedCells().values()), cores));
        writeEnv(planned, startedAt, failures == 0 && assembled == planned ? Instant.now() : null);
        console.printf("%d of %d cells in %s; %d failed%n", assembled, planned, folder.root(), failures);
        return failures == 0 ? 0 : 1;
    }

    private int runCells(List<Cell> matrix, List<Integer> todo) throws IOException {
        long start = System.nanoTime();
        Progress progress = new Progress(todo.size(), settings.matrixTiming().plannedSeconds(), start);
        CellExecutor executor;
        int failures = 0;
        try (PrintStream jmhLog = new PrintStream(Files.newOutputStream(folder.file(RunFolder.JMH_LOG),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            OutputFormat jmhOutput = OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL);
            executor = new CellExecutor(settings.matrixTiming(), jmhOutput);
            deep.start(jmhOutput);
            for (int i = 0; i < todo.size(); i++) {
                int position = todo.get(i);
                Cell cell = matrix.get(position);
                console.println(progress.line(i + 1, cell, cores, System.nanoTime()));
                long cellStart = System.nanoTime();
                try {
                    Collection<RunResult> results = executor.run(cell);
                    RunFolder.writeAtomically(folder.cells().resolve(cell.fileName(position, cores)),
                            CellExecutor.toJson(results));
                    double seconds = (System.nanoTime() - cellStart) / 1e9;
                    progress.finished(seconds);
                    console.println("    " + summary(results, seconds));
                    failures += deep.afterCell(executor.options(cell).build(), cell.fileName(position, cores));
                } catch (RunnerException e) {
                    failures++;
                    console.println("    FAILED: " + e.getMessage() + " (JMH output: "
                            + folder.file(RunFolder.JMH_LOG) + ")");
                }
            }
            failures += deep.runExtraCells(jmhOutput);
        }
        return failures;
    }

    private static String summary(Collection<RunResult> results, double seconds) {
        StringBuilder line = new StringBuilder();
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            var alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            line.append(String.format(Locale.ROOT, "%.3f ± %.3f %s", primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit()));
            if (alloc != null) {
                line.append(String.format(Locale.ROOT, ", alloc %.1f ± %.1f B/op", alloc.getScore(),
                        alloc.getScoreError()));
            }
        }
        return line.append(String.format(Locale.ROOT, " (%.1f s)", seconds)).toString();
    }

    private void writeEnv(int cellsPlanned, Instant startedAt, Instant finishedAt) throws IOException {
        Map<String, Object> env = Environment.describe(settings, settings.runId(), cores,
                Environment.cpuModel(Path.of("/proc/cpuinfo")), Environment.git(Path.of(".")),
                CellExecutor.FORK_JVM_ARGS, cellsPlanned, startedAt, finishedAt);
        env.putAll(deep.envFields());
        env.putAll(plugins.envFields());
        RunFolder.writeAtomically(folder.file(RunFolder.ENV),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(env) + "\n");
    }

    private static void rememberLastRun(Path folder) throws IOException {
        Files.createDirectories(LAST_RUN_FILE.getParent());
        RunFolder.writeAtomically(LAST_RUN_FILE, folder + "\n");
    }
}
