package dev.mapbench.runner;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.profiling.FlameGraphs;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * The runner's front door to the deeper measurements: latency cells and the GC sweep after
 * the matrix, and flame graphs of every cell when {@code bench.profile=async}. {@link BenchRunner} calls
 * it from a few places; everything else lives here and in {@link ExtraCells}, {@link ExtraCellRunner}
 * and {@code dev.mapbench.profiling}.
 */
final class DeepMeasurements {

    /** Where the async-profiler library is extracted: outlives every fork, shared by runs. */
    static final Path LIBRARY_DIR = Path.of("target", "async-profiler");

    private final DeepSettings deep;
    private final ExtraCellRunner extras;
    private final RunFolder folder;
    private final PrintStream console;
    private FlameGraphs flameGraphs;

    private DeepMeasurements(DeepSettings deep, ExtraCellRunner extras, RunFolder folder, PrintStream console) {
        this.deep = deep;
        this.extras = extras;
        this.folder = folder;
        this.console = console;
    }

    /**
     * Reads {@code bench.latency}, {@code bench.gcs}, {@code bench.gcChurn}, {@code bench.profile} (when
     * resuming, those not given again come from the run's env.json) and plans the extra cells.
     */
    static DeepMeasurements plan(BenchSettings settings, Properties properties, int cores, int matrixSize,
            RunFolder folder, PrintStream console) {
        Properties effective = properties;
        Path env = folder.file(RunFolder.ENV);
        if (settings.resume() != null && Files.isRegularFile(env)) {
            try {
                effective = DeepSettings.withRecorded(properties, EnvJsonFile.read(env).deep());
            } catch (BadInputException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        DeepSettings deep = DeepSettings.from(effective, settings.effort());
        ExtraCellRunner extras = new ExtraCellRunner(ExtraCells.plan(settings, deep, cores), matrixSize,
                settings.shard(), folder, cores, console, ForkWatchdog.from(properties));
        return new DeepMeasurements(deep, extras, folder, console);
    }

    /** Extra cells in this shard, to add to the matrix's count. */
    int cellsInShard() {
        return extras.cellsInShard();
    }

    /** Planned seconds of the extra cells of this shard not yet measured. */
    double plannedSecondsLeft() throws IOException {
        return extras.plannedSecondsLeft();
    }

    /** Prepares profiling (library, CPU event) when asked; call once JMH's output is open. */
    void start(OutputFormat jmhOutput) throws IOException {
        if (deep.profile()) {
            flameGraphs = FlameGraphs.prepare(folder.root(), LIBRARY_DIR, jmhOutput, console);
        }
    }

    /** Flame graphs of a finished matrix cell when profiling is on; returns 1 if profiling failed, else 0. */
    int afterCell(Options cellOptions, String cellFileName) {
        return flameGraphs == null ? 0 : extras.profile(flameGraphs, cellOptions, cellFileName);
    }

    /** The extra cells that timed out or corrupted their map, with that status. */
    java.util.Map<String, String> unmeasuredCells() {
        return extras.unmeasuredCells();
    }

    /** Runs the latency and GC-sweep cells; returns how many failed. */
    int runExtraCells(OutputFormat jmhOutput) throws IOException {
        return extras.run(jmhOutput, flameGraphs);
    }

    /**
     * Copies a shard's flame graphs ({@code profiles/}) and GC pause files ({@code gc-pauses/}) into the
     * merged run folder; shards hold disjoint cells, so nothing is overwritten but the shared
     * {@code profiles/profiler.json}.
     */
    static void copyArtifacts(Path shardRoot, Path mergedRoot) throws IOException {
        for (String folderName : List.of(FlameGraphs.PROFILES, ExtraCellRunner.GC_PAUSES)) {
            Path source = shardRoot.resolve(folderName);
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path target = mergedRoot.resolve(folderName).resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** What env.json records of the deeper measurements. */
    EnvJson.Deep envFields() {
        return new EnvJson.Deep(deep.latency(), deep.gcs().stream().map(GarbageCollector::displayName).toList(),
                deep.gcChurn(), deep.profile() ? "async" : null, deep.iteration());
    }
}
