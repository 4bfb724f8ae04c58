package dev.mapbench.profiling;

import dev.mapbench.results.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * CPU and allocation flame graphs of a cell ({@code -Dbench.profile=async}): one interactive HTML file
 * per event under {@code <run>/profiles/<cell>/} ({@code cpu.html}, {@code alloc.html}).
 *
 * <p>Each graph comes from its own profiling trial run after the cell's measured trial, with the cell's
 * own options but a single fork: the measured numbers stay free of profiler overhead and keep their
 * forks, and the profile is not lost to JMH 1.37 overwriting one fork's output with the next. The trial's
 * scores are discarded. {@code profiles/profiler.json} records the event used and any fallback.
 */
public final class FlameGraphs {

    /** Folder of the run that holds one sub-folder of flame graphs per cell. */
    public static final String PROFILES = "profiles";

    private final Path profiles;
    private final Path library;
    private final CpuEventChoice cpuEvent;
    private final OutputFormat jmhOutput;

    private FlameGraphs(Path profiles, Path library, CpuEventChoice cpuEvent, OutputFormat jmhOutput) {
        this.profiles = profiles;
        this.library = library;
        this.cpuEvent = cpuEvent;
        this.jmhOutput = jmhOutput;
    }

    /**
     * Extracts the library into {@code libraryDir}, decides the CPU event (printing the one fallback line
     * if perf events are refused) and records the choice in {@code <runRoot>/profiles/profiler.json}.
     */
    public static FlameGraphs prepare(Path runRoot, Path libraryDir, OutputFormat jmhOutput, PrintStream console)
            throws IOException {
        Path library = AsyncProfilerLibrary.extractTo(libraryDir);
        CpuEventChoice choice = CpuEventChoice.probe(library);
        if (choice.fallback() != null) {
            console.println(choice.fallback());
        }
        Path profiles = runRoot.resolve(PROFILES);
        Files.createDirectories(profiles);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("profiler", "async-profiler (tools.profiler:async-profiler, JMH -prof async)");
        record.put("cpuEvent", choice.event().profilerName());
        record.put("allocEvent", FlameGraphEvent.ALLOC.profilerName());
        record.put("fallback", choice.fallback());
        record.put("forks", 1);
        record.put("note", "profiled in a separate single-fork trial per event; its scores are not in jmh-result.json");
        Path json = profiles.resolve("profiler.json");
        Files.writeString(json, Json.pretty(record));
        return new FlameGraphs(profiles, library, choice, jmhOutput);
    }

    /** The events each cell is profiled with: the chosen CPU event, then allocation. */
    public List<FlameGraphEvent> events() {
        return List.of(cpuEvent.event(), FlameGraphEvent.ALLOC);
    }

    /**
     * Profiles the cell whose measured trial ran with {@code cellOptions}; {@code cellName} is its file
     * name under {@code cells/} without {@code .json}. Returns the flame graphs written.
     *
     * @throws IllegalStateException when a profiling trial fails or writes no flame graph
     */
    public List<Path> profile(Options cellOptions, String cellName) {
        Path cellDir = profiles.resolve(cellName);
        return events().stream().map(event -> profileOne(cellOptions, cellDir, event)).toList();
    }

    private Path profileOne(Options cellOptions, Path cellDir, FlameGraphEvent event) {
        Path work = cellDir.resolve("." + event.profilerName());
        Options options = new OptionsBuilder().parent(cellOptions)
                .forks(1)
                .addProfiler(AsyncProfiler.class, AsyncProfilerSpec.optionLine(library, event, work))
                .build();
        try {
            new Runner(options, jmhOutput).run();
            Path graph = findForwardGraph(work);
            Path target = cellDir.resolve(event.fileName());
            Files.move(graph, target, StandardCopyOption.REPLACE_EXISTING);
            deleteTree(work);
            return target;
        } catch (RunnerException e) {
            throw new IllegalStateException("profiling " + cellDir.getFileName() + " with " + event.profilerName()
                    + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("profiling " + cellDir.getFileName() + " with " + event.profilerName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** JMH writes {@code <dir>/<benchmark id>/flame-<event>-forward.html}; there is one per trial. */
    static Path findForwardGraph(Path work) throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            List<Path> graphs = files.filter(p -> p.getFileName().toString().matches("flame-.+-forward\\.html")).toList();
            if (graphs.size() != 1) {
                throw new IOException("expected one flame graph under " + work + ", found " + graphs.size());
            }
            return graphs.get(0);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
