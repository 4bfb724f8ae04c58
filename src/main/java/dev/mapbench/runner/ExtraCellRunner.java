package dev.mapbench.runner;

import dev.mapbench.profiling.FlameGraphs;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs the {@link ExtraCells} of a run after the workload matrix, filing each under {@code cells/} the
 * moment it finishes, exactly like a matrix cell (so jmh-result.json, resume and shards cover them).
 *
 * <p>Positions continue after the matrix: extra cell {@code k} has position {@code matrixSize + k}, which
 * decides its shard and its file-name index.
 */
final class ExtraCellRunner {

    /** Folder of the run with each GC-sweep cell's fork logs and pause summary ({@link GcPauseLog}). */
    static final String GC_PAUSES = "gc-pauses";

    private final List<ExtraCell> cells;
    private final int matrixSize;
    private final Shard shard;
    private final RunFolder folder;
    private final int cores;
    private final PrintStream console;
    private final ForkWatchdog watchdog;
    private final Map<String, String> unmeasured = new java.util.LinkedHashMap<>();

    ExtraCellRunner(List<ExtraCell> cells, int matrixSize, Shard shard, RunFolder folder, int cores,
            PrintStream console) {
        this(cells, matrixSize, shard, folder, cores, console, ForkWatchdog.planned());
    }

    ExtraCellRunner(List<ExtraCell> cells, int matrixSize, Shard shard, RunFolder folder, int cores,
            PrintStream console, ForkWatchdog watchdog) {
        this.watchdog = watchdog;
        this.cells = cells;
        this.matrixSize = matrixSize;
        this.shard = shard;
        this.folder = folder;
        this.cores = cores;
        this.console = console;
    }

    /** Extra cells that belong to this shard. */
    int cellsInShard() {
        return (int) positions().count();
    }

    /** The extra cells of this shard: dealt by workload (all strategies of one on one shard), like the matrix. */
    private IntStream positions() {
        java.util.Map<String, Integer> workloads = new java.util.HashMap<>();
        int[] index = new int[cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            index[k] = workloads.computeIfAbsent(cells.get(k).workload(), key -> workloads.size());
        }
        return IntStream.range(0, cells.size()).filter(k -> shard.containsWorkload(index[k]));
    }

    /** Whether {@code cell} (one of this runner's) belongs to this shard. */
    boolean belongs(ExtraCell cell) {
        int k = cells.indexOf(cell);
        return positions().anyMatch(position -> position == k);
    }

    /** Planned seconds of the cells of this shard not yet in the folder. */
    double plannedSecondsLeft() throws IOException {
        Map<String, Path> done = folder.finishedCells();
        return positions().mapToObj(cells::get).filter(c -> !done.containsKey(c.id()))
                .mapToDouble(c -> c.timing().plannedSeconds()).sum();
    }

    /** Runs every cell of this shard not already finished; returns the number that failed. */
    int run(OutputFormat jmhOutput, FlameGraphs flameGraphs) throws IOException {
        Map<String, Path> done = folder.finishedCells();
        List<Integer> todo = positions().filter(k -> !done.containsKey(cells.get(k).id())).boxed().toList();
        if (todo.isEmpty()) {
            return 0;
        }
        double plannedLeft = plannedSecondsLeft();
        console.printf(Locale.ROOT, "extra cells (latency, iteration, GC sweep): %d to run, planned ~%s%n", todo.size(),
                Progress.clock(Math.round(plannedLeft)));
        long start = System.nanoTime();
        int failures = 0;
        for (int i = 0; i < todo.size(); i++) {
            int k = todo.get(i);
            ExtraCell cell = cells.get(k);
            console.printf(Locale.ROOT, "[extra %d of %d | elapsed %s] %s%n", i + 1, todo.size(),
                    Progress.clock(Duration.ofNanos(System.nanoTime() - start).toSeconds()), cell.describe(cores));
            String fileName = cell.fileName(matrixSize + k, cores);
            String name = fileName.substring(0, fileName.length() - ".json".length());
            long cellStart = System.nanoTime();
            ForkSpec measured = cell.forkSpec();
            Path gcLogs = folder.root().resolve(GC_PAUSES).resolve(name);
            if (cell instanceof GcSweepCell) {
                GcPauseLog.prepareFolder(gcLogs);
                measured = measured.appending(List.of(GcPauseLog.jvmOption(gcLogs)));
            }
            Path stateFile = CellExecutor.stateFile();
            measured = measured.appending(StateCheckFile.jvmArgs(stateFile));
            try {
                // one limit for the cell's forks, which JMH runs one after another in this one call
                Collection<RunResult> results = CellExecutor.watched(measured,
                        watchdog.limit(cell.timing().plannedSeconds()), stateFile, jmhOutput);
                AtomicFile.write(folder.cells().resolve(fileName), CellExecutor.toJson(results));
                console.printf(Locale.ROOT, "    done (%.1f s)%s%n", (System.nanoTime() - cellStart) / 1e9,
                        cell instanceof GcSweepCell gcCell ? pauseSummary(gcCell, gcLogs, name) : "");
            } catch (UnmeasuredFork e) {
                failures++;
                unmeasured.put(cell.id(), e.status().label());
                console.println("    " + e.status().label().toUpperCase(Locale.ROOT) + ": " + e.detail()
                        + " (the cell is not filed)");
                continue;
            } catch (RunnerException e) {
                failures++;
                console.println("    FAILED: " + e.getMessage() + " (JMH output: " + folder.file(RunFolder.JMH_LOG) + ")");
                continue;
            } finally {
                CellExecutor.deleteQuietly(stateFile);
            }
            if (flameGraphs != null) {
                // profiled from fresh options: the flame-graph trials must not add to the cell's GC logs
                failures += profile(flameGraphs, cell.forkSpec().toOptions(), fileName);
            }
        }
        return failures;
    }

    /** The extra cells that timed out or corrupted their map, with that status. */
    Map<String, String> unmeasuredCells() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unmeasured));
    }

    /** Writes {@code gc-pauses/<cell>.json} from the forks' logs; returns the progress-line suffix. */
    private String pauseSummary(GcSweepCell cell, Path logs, String name) throws IOException {
        Map<String, Object> summary = GcPauseLog.summarize(logs, name, cell.gc().displayName());
        AtomicFile.write(logs.resolveSibling(name + ".json"),
                Json.pretty(summary));
        return String.format(Locale.ROOT, ", %s GC pauses: %s, max %s ms, total %s ms", cell.gc().displayName(),
                summary.get("pauses"), summary.get("maxMillis"), summary.get("totalMillis"));
    }

    /** Flame graphs of one finished cell; a failed profile is reported and counted, the cell stays. */
    int profile(FlameGraphs flameGraphs, Options options, String cellFileName) {
        String name = cellFileName.substring(0, cellFileName.length() - ".json".length());
        try {
            List<Path> graphs = flameGraphs.profile(options, name);
            console.println("    flame graphs: " + graphs.stream().map(p -> folder.root().relativize(p).toString())
                    .toList());
            return 0;
        } catch (RuntimeException e) {
            console.println("    PROFILE FAILED: " + e.getMessage());
            return 1;
        }
    }
}
