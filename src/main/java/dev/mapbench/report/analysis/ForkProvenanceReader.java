package dev.mapbench.report.analysis;

import dev.mapbench.report.model.ForkProvenance;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForksCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the run folders' {@code forks.csv} ({@link ForksCsv}) into a {@link ForkProvenance}. */
public final class ForkProvenanceReader {

    private ForkProvenanceReader() {
    }

    /** Reads every run folder's forks.csv (later folders win for a cell found twice). */
    public static ForkProvenance read(List<Path> runFolders) throws BadInputException {
        Map<String, List<ForkRow>> byCell = new LinkedHashMap<>();
        for (Path folder : runFolders) {
            Map<String, List<ForkRow>> fromFolder = new LinkedHashMap<>();
            for (ForkRow row : ForksCsv.read(folder.resolve(ForksCsv.FILE))) {
                fromFolder.computeIfAbsent(row.cellId(), id -> new ArrayList<>()).add(row);
            }
            byCell.putAll(fromFolder);
        }
        return ForkProvenance.of(byCell);
    }
}
