package dev.mapbench.report;

import dev.mapbench.workload.CellId;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.results.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Why each cell got each of its forks: the run folders' {@code forks.csv} (written by the runner, one row per
 * fork: order, cell, fork, round, reason, start, seconds, score, unit), so the report can show how a verdict
 * was reached. Run folders from before single forks have none; then nothing is shown.
 */
public final class ForkProvenance {

    /**
     * One fork of a cell: {@code value} is the mean of its steady iterations, {@code steadyFrom} how many leading
     * iterations still trended (0 for forks.csv files written before steady-state values), {@code warmupIterations}
     * the warm-up it ran (-1 when not recorded).
     */
    public record Fork(int order, int fork, int round, String reason, double seconds, double score, String unit,
            double value, int steadyFrom, int warmupIterations) {
    }

    private final Map<String, List<Fork>> byCell;

    private ForkProvenance(Map<String, List<Fork>> byCell) {
        this.byCell = byCell;
    }

    /** No provenance at all. */
    public static ForkProvenance none() {
        return new ForkProvenance(Map.of());
    }

    /** Reads every run folder's forks.csv (later folders win for a cell found twice). */
    public static ForkProvenance read(List<Path> runFolders) throws BadInputException {
        Map<String, List<Fork>> byCell = new LinkedHashMap<>();
        for (Path folder : runFolders) {
            Path csv = folder.resolve("forks.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            Map<String, List<Fork>> fromFolder = new LinkedHashMap<>();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    double score = Double.parseDouble(row.get("score"));
                    fromFolder.computeIfAbsent(row.get("cell"), id -> new ArrayList<>()).add(new Fork(
                            Integer.parseInt(row.get("order")), Integer.parseInt(row.get("fork")),
                            Integer.parseInt(row.get("round")), row.get("reason"), Double.parseDouble(row.get("seconds")),
                            score, row.get("unit"), row.isSet("value") ? Double.parseDouble(row.get("value")) : score,
                            row.isSet("steadyFrom") ? Integer.parseInt(row.get("steadyFrom")) : 0,
                            row.isSet("warmupIterations") ? Integer.parseInt(row.get("warmupIterations")) : -1));
                }
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(csv, "not a mapbench forks.csv (" + e.getMessage() + ")");
            }
            byCell.putAll(fromFolder);
        }
        return new ForkProvenance(byCell);
    }

    /** The forks of the workload cell of {@code strategy} in {@code workload}, in fork order; empty if unknown. */
    public List<Fork> forksOf(WorkloadId workload, String strategy) {
        return byCell.getOrDefault(new CellId.Workload(strategy, workload).id(), List.of());
    }

    /** Every fork of every cell, by cell id. */
    public Map<String, List<Fork>> byCell() {
        return java.util.Collections.unmodifiableMap(byCell);
    }

    /** Whether any run folder had a forks.csv. */
    public boolean isEmpty() {
        return byCell.isEmpty();
    }
}
