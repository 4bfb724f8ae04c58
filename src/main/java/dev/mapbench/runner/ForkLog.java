package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.ForkJson;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForksCsv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forks of a run and why each ran (provenance): every fork's JMH JSON under
 * {@code forks/<cell file>/fork-NN.json}, one {@link ForkRow} per fork in {@code forks.csv} ({@link ForksCsv}),
 * and each cell's file under {@code cells/} rebuilt from its forks ({@link ForkJson}) after every new fork, so a
 * killed run keeps every finished fork and a resumed run continues from the rounds already done.
 */
final class ForkLog {

    static final String FORKS = "forks";
    static final String CSV = ForksCsv.FILE;

    private final RunFolder folder;
    private final List<ForkRow> records;

    private ForkLog(RunFolder folder, List<ForkRow> records) {
        this.folder = folder;
        this.records = records;
    }

    /** The log of {@code folder}: what its forks.csv says, or nothing yet. */
    static ForkLog open(RunFolder folder) {
        try {
            return new ForkLog(folder, new ArrayList<>(ForksCsv.read(folder.file(CSV))));
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    List<ForkRow> records() {
        return List.copyOf(records);
    }

    /** Forks that ended without numbers that stand (timed out, corrupted), in run order. */
    List<ForkRow> unmeasured() {
        return records.stream().filter(r -> !r.measured()).toList();
    }

    /**
     * Forgets the forks that timed out, so a resume ({@code bench.retryTimedOut}) runs their cells again; their
     * status files stay under {@code forks/} until the retry overwrites them. Returns how many were dropped.
     */
    int dropTimedOut() throws IOException {
        int before = records.size();
        List<ForkRow> kept = new ArrayList<>();
        for (ForkRow row : records) {
            if (row.status() != dev.mapbench.results.ForkStatus.TIMED_OUT) {
                kept.add(row.withOrder(kept.size() + 1));
            }
        }
        records.clear();
        records.addAll(kept);
        if (before != kept.size()) {
            ForksCsv.write(folder.file(CSV), records);
        }
        return before - kept.size();
    }

    /** Forks run of one cell, measured or not (the next fork's number is one more). */
    int forksOf(String cellId) {
        return (int) records.stream().filter(r -> r.cellId().equals(cellId)).count();
    }

    /** Each cell's fork values (steady iterations' means), in fork order: what the race decides on. */
    Map<String, List<Double>> scoresByCell() {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (ForkRow record : records) {
            if (!record.measured()) {
                continue;
            }
            scores.computeIfAbsent(record.cellId(), id -> new ArrayList<>()).add(record.value());
        }
        return scores;
    }

    /** How many of one cell's forks still trended in their first measured iterations. */
    int unsteadyForksOf(String cellId) {
        return (int) records.stream().filter(r -> r.cellId().equals(cellId) && r.unsteady()).count();
    }

    /** The highest round any fork ran in (0 before the first). */
    int lastRound() {
        return records.stream().mapToInt(ForkRow::round).max().orElse(0);
    }

    /** Mean wall time of one cell's forks, or NaN before its first. */
    double meanSecondsOf(String cellId) {
        return records.stream().filter(r -> r.cellId().equals(cellId) && r.measured()).mapToDouble(ForkRow::seconds)
                .average()
                .orElse(Double.NaN);
    }

    /** Mean wall time of every fork, or NaN before the first. */
    double meanSeconds() {
        return records.stream().filter(ForkRow::measured).mapToDouble(ForkRow::seconds).average().orElse(Double.NaN);
    }

    /** The order number the next fork gets. */
    int nextOrder() {
        return records.size() + 1;
    }

    /**
     * Files one finished fork: its JSON, its row, and the cell's file rebuilt from all its forks. The fork's
     * file is written before its row, so a row always has its file.
     */
    void add(String cellFileName, String forkJson, ForkRow record) throws IOException {
        Path forks = forkFolder(cellFileName);
        Files.createDirectories(forks);
        AtomicFile.write(forks.resolve(forkFile(record.fork())), forkJson);
        records.add(record);
        ForksCsv.write(folder.file(CSV), records);
        rebuildCell(cellFileName, forks);
    }

    /**
     * Files a fork that ended without numbers that stand: its row (status and detail) and, in place of its JMH
     * JSON, {@code fork-NN.<status>.txt} with the detail. The cell's file keeps its measured forks only.
     */
    void addUnmeasured(String cellFileName, ForkRow record) throws IOException {
        Path forks = forkFolder(cellFileName);
        Files.createDirectories(forks);
        AtomicFile.write(forks.resolve(String.format("fork-%02d.%s.txt", record.fork(), record.status().csv())),
                record.status().label() + ": " + record.detail() + "\n");
        records.add(record);
        ForksCsv.write(folder.file(CSV), records);
    }

    private void rebuildCell(String cellFileName, Path forks) throws IOException {
        List<String> all = new ArrayList<>();
        for (ForkRow row : records) {
            if (row.measured() && row.cellId().equals(cellId(cellFileName))) {
                all.add(Files.readString(forks.resolve(forkFile(row.fork())), StandardCharsets.UTF_8));
            }
        }
        AtomicFile.write(folder.cells().resolve(cellFileName), ForkJson.join(all));
    }

    private static String cellId(String cellFileName) {
        return RunFolder.cellId(cellFileName);
    }

    private Path forkFolder(String cellFileName) {
        return folder.root().resolve(FORKS).resolve(cellFileName.substring(0, cellFileName.length() - ".json".length()));
    }

    static String forkFile(int fork) {
        return String.format("fork-%02d.json", fork);
    }

}
