package dev.mapbench.report.analysis;

import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.TraceReplays;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Json;
import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.SpreadByThreads;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import dev.mapbench.trace.TraceProfile;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.CellId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The replayed traces' section: the trace cells ({@code MapTraceBenchmark}) grouped by trace and thread count and
 * ranked by the statistics core like any workload, each trace with the profile its run folder keeps
 * ({@code traces/<name>.profile.json}). The between-fork spread is the grid's at the same thread count when the run
 * has grid cells, else the trace cells' own.
 */
public final class TraceAnalysis {

    private TraceAnalysis() {
    }

    /** The section, or empty when no cell replays a trace. */
    public static Optional<TraceReplays> of(List<BenchmarkCell> cells, List<Path> runFolders, CoreCount cores,
            VerdictSettings settings) throws IOException {
        Map<String, Map<Integer, List<BenchmarkCell>>> byTrace = new TreeMap<>();
        for (BenchmarkCell cell : cells) {
            if (cell.benchmark().equals(Benchmarks.TRACE) && cell.cellId().orElse(null) instanceof CellId.Named named
                    && VerdictAnalysis.isThreadSafe(cell.strategy())) {
                byTrace.computeIfAbsent(named.name(), name -> new TreeMap<>())
                        .computeIfAbsent(cell.threads(), threads -> new ArrayList<>()).add(cell);
            }
        }
        if (byTrace.isEmpty()) {
            return Optional.empty();
        }
        List<BenchmarkCell> grid = cells.stream().filter(BenchmarkCell::isWorkloadCell).toList();
        List<BenchmarkCell> traceCells = byTrace.values().stream().flatMap(m -> m.values().stream())
                .flatMap(List::stream).toList();
        SpreadByThreads spread = VerdictAnalysis.spread(grid.isEmpty() ? traceCells : grid, cores);
        List<TraceReplays.Replayed> replayed = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, List<BenchmarkCell>>> trace : byTrace.entrySet()) {
            List<TraceReplays.AtThreads> verdicts = new ArrayList<>();
            trace.getValue().forEach((threads, sameThreads) -> {
                Map<String, ForkSample> samples = new LinkedHashMap<>();
                sameThreads.forEach(cell -> samples.put(cell.strategy(), ForkSample.of(cell.primary().forkValues())));
                BenchmarkCell first = sameThreads.get(0);
                Ranking ranking = Verdicts.rank(samples, first.mode().higherIsBetter(), first.primary().unit(),
                        spread.at(threads), settings);
                boolean oversubscribed = sameThreads.stream().anyMatch(cores::oversubscribed);
                if (oversubscribed) {
                    ranking = ranking.nothingDecided("oversubscribed: measured for the record, never decided");
                }
                verdicts.add(new TraceReplays.AtThreads(threads, oversubscribed, ranking));
            });
            replayed.add(new TraceReplays.Replayed(trace.getKey(), profile(runFolders, trace.getKey()), verdicts));
        }
        return Optional.of(new TraceReplays(replayed));
    }

    /** The trace's profile from the first run folder that keeps it, or null. */
    static TraceProfile profile(List<Path> runFolders, String name) throws IOException {
        for (Path folder : runFolders) {
            Path file = folder.resolve("traces").resolve(name + ".profile.json");
            if (Files.isRegularFile(file)) {
                return Json.mapper().readValue(file.toFile(), TraceProfile.class);
            }
        }
        return null;
    }
}
