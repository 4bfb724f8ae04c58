package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.ForkJson;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The forks of a run and why each ran (provenance): every fork's JMH JSON under
 * {@code forks/<cell file>/fork-NN.json}, one row per fork in {@code forks.csv} (order, cell, fork, round,
 * reason, start, seconds, score, unit, value, steadyFrom, warmupIterations), and each cell's file under {@code cells/} rebuilt from its forks
 * ({@link ForkJson}) after every new fork, so a killed run keeps every finished fork and a resumed run
 * continues from the rounds already done.
 */
final class ForkLog {

    static final String FORKS = "forks";
    static final String CSV = "forks.csv";
    static final String[] HEADER = {"order", "cell", "fork", "round", "reason", "startedAt", "seconds", "score", "unit",
            "value", "steadyFrom", "warmupIterations"};

    private final RunFolder folder;
    private final List<ForkRecord> records;

    private ForkLog(RunFolder folder, List<ForkRecord> records) {
        this.folder = folder;
        this.records = records;
    }

    /** The log of {@code folder}: what its forks.csv says, or nothing yet. */
    static ForkLog open(RunFolder folder) throws IOException {
        List<ForkRecord> records = new ArrayList<>();
        Path csv = folder.file(CSV);
        if (Files.isRegularFile(csv)) {
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                // A forks.csv written before steady-state values has their columns missing: its forks count as steady.
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    double score = Double.parseDouble(row.get("score"));
                    records.add(new ForkRecord(Integer.parseInt(row.get("order")), row.get("cell"),
                            Integer.parseInt(row.get("fork")), Integer.parseInt(row.get("round")), row.get("reason"),
                            Instant.parse(row.get("startedAt")), Double.parseDouble(row.get("seconds")), score,
                            row.get("unit"), row.isSet("value") ? Double.parseDouble(row.get("value")) : score,
                            row.isSet("steadyFrom") ? Integer.parseInt(row.get("steadyFrom")) : 0,
                            row.isSet("warmupIterations") ? Integer.parseInt(row.get("warmupIterations")) : -1));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(csv + ": not a forks.csv this runner wrote (" + e.getMessage() + ")");
            }
        }
        return new ForkLog(folder, records);
    }

    List<ForkRecord> records() {
        return List.copyOf(records);
    }

    /** Forks measured of one cell. */
    int forksOf(String cellId) {
        return (int) records.stream().filter(r -> r.cellId().equals(cellId)).count();
    }

    /** Each cell's fork values (steady iterations' means), in fork order: what the race decides on. */
    Map<String, List<Double>> scoresByCell() {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (ForkRecord record : records) {
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
        return records.stream().mapToInt(ForkRecord::round).max().orElse(0);
    }

    /** Mean wall time of one cell's forks, or NaN before its first. */
    double meanSecondsOf(String cellId) {
        return records.stream().filter(r -> r.cellId().equals(cellId)).mapToDouble(ForkRecord::seconds).average()
                .orElse(Double.NaN);
    }

    /** Mean wall time of every fork, or NaN before the first. */
    double meanSeconds() {
        return records.stream().mapToDouble(ForkRecord::seconds).average().orElse(Double.NaN);
    }

    /** The order number the next fork gets. */
    int nextOrder() {
        return records.size() + 1;
    }

    /**
     * Files one finished fork: its JSON, its row, and the cell's file rebuilt from all its forks. The fork's
     * file is written before its row, so a row always has its file.
     */
    void add(String cellFileName, String forkJson, ForkRecord record) throws IOException {
        Path forks = forkFolder(cellFileName);
        Files.createDirectories(forks);
        AtomicFile.write(forks.resolve(forkFile(record.fork())), forkJson);
        records.add(record);
        AtomicFile.write(folder.file(CSV), csv(records));
        List<String> all = new ArrayList<>();
        for (int fork = 1; fork <= record.fork(); fork++) {
            all.add(Files.readString(forks.resolve(forkFile(fork)), StandardCharsets.UTF_8));
        }
        AtomicFile.write(folder.cells().resolve(cellFileName), ForkJson.join(all));
    }

    private Path forkFolder(String cellFileName) {
        return folder.root().resolve(FORKS).resolve(cellFileName.substring(0, cellFileName.length() - ".json".length()));
    }

    static String forkFile(int fork) {
        return String.format("fork-%02d.json", fork);
    }

    /** The text of a forks.csv holding {@code rows}. */
    static String csv(List<ForkRecord> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (ForkRecord r : rows) {
                printer.printRecord(r.order(), r.cellId(), r.fork(), r.round(), r.reason(), r.startedAt(), r.seconds(),
                        r.score(), r.unit(), r.value(), r.steadyFrom(), r.warmupIterations());
            }
        }
        return out.toString();
    }
}
