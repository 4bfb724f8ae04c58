package dev.mapbench.report.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mapbench.report.model.GcSweep;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Json;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the GC sweep: workload cells of {@code MapWorkloadGcBenchmark} run under several collectors, each with
 * the stop-the-world pauses the runner read from the forks' {@code -Xlog:gc} into
 * {@code <run>/gc-pauses/<cell file name>.json}. Kept apart from the G1 matrix and its verdicts.
 */
public final class GcSweepAnalysis {

    /** The GC sweep benchmark's fully qualified method. */
    public static final String BENCHMARK = Benchmarks.GC_SWEEP;

    private GcSweepAnalysis() {
    }

    /** True for a cell of the GC sweep benchmark. */
    public static boolean isGcSweepCell(BenchmarkCell cell) {
        return cell.benchmark().equals(BENCHMARK);
    }

    /** The GC sweep cells grouped by workload, each with the pauses found under its run folder. */
    public static GcSweep read(List<BenchmarkCell> cells, List<Path> runFolders) throws BadInputException {
        Map<List<Object>, List<GcSweep.Entry>> byWorkload = new LinkedHashMap<>();
        List<BenchmarkCell> sweep = cells.stream().filter(GcSweepAnalysis::isGcSweepCell)
                .sorted(Comparator.comparing((BenchmarkCell cell) -> param(cell, "keyDistribution"))
                        .thenComparingLong(cell -> number(param(cell, "size")))
                        .thenComparing(cell -> param(cell, "strategy"))
                        .thenComparing(cell -> -number(param(cell, "readPercent")))
                        .thenComparingInt(BenchmarkCell::threads)
                        .thenComparing(cell -> param(cell, "gc")))
                .toList();
        for (BenchmarkCell cell : sweep) {
            List<Object> key = List.of(param(cell, "strategy"), param(cell, "readPercent"), param(cell, "size"),
                    param(cell, "keyDistribution"), cell.threads());
            byWorkload.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new GcSweep.Entry(param(cell, "gc"), cell, pauses(cell, runFolders)));
        }
        List<GcSweep.Workload> workloads = new ArrayList<>();
        byWorkload.forEach((key, entries) -> workloads.add(new GcSweep.Workload((String) key.get(0), (String) key.get(1),
                (String) key.get(2), (String) key.get(3), (Integer) key.get(4), entries)));
        return new GcSweep(workloads);
    }

    /** The runner's id of a sweep cell, e.g. {@code GC-Z-COPY_ON_WRITE-r95-s100-UNIFORM-t2}. */
    static String cellId(BenchmarkCell cell) {
        return cell.cellId().map(CellId::id).orElse("");
    }

    private static Optional<GcSweep.Pauses> pauses(BenchmarkCell cell, List<Path> runFolders) throws BadInputException {
        Optional<Path> run = RunFolders.of(cell, runFolders);
        if (run.isEmpty() || !Files.isDirectory(run.get().resolve("gc-pauses"))) {
            return Optional.empty();
        }
        Optional<Path> file = RunFolders.cellEntry(run.get().resolve("gc-pauses"), cellId(cell), ".json");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.everyFieldRequired(GcSweep.Pauses.class).readValue(file.get().toFile()));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file.get(), "not a GC pause summary: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException(file.get(), "cannot read file: " + e.getMessage(), e);
        }
    }

    private static String param(BenchmarkCell cell, String name) {
        return cell.params().getOrDefault(name, "");
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
