package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ForkProvenance;
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

/** Reads the run folders' {@code forks.csv} (written by the runner) into a {@link ForkProvenance}. */
public final class ForkProvenanceReader {

    private ForkProvenanceReader() {
    }

    /** Reads every run folder's forks.csv (later folders win for a cell found twice). */
    public static ForkProvenance read(List<Path> runFolders) throws BadInputException {
        Map<String, List<ForkProvenance.Fork>> byCell = new LinkedHashMap<>();
        for (Path folder : runFolders) {
            Path csv = folder.resolve("forks.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            Map<String, List<ForkProvenance.Fork>> fromFolder = new LinkedHashMap<>();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                    double score = Double.parseDouble(row.get("score"));
                    fromFolder.computeIfAbsent(row.get("cell"), id -> new ArrayList<>()).add(new ForkProvenance.Fork(
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
        return ForkProvenance.of(byCell);
    }
}
