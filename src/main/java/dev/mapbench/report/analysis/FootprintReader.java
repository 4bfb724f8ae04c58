package dev.mapbench.report.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mapbench.footprint.FootprintFiles;
import dev.mapbench.footprint.FootprintReport;
import dev.mapbench.footprint.FootprintRow;
import dev.mapbench.report.model.FootprintResults;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run folder's {@code footprint.json} back into the footprint package's own {@link FootprintReport}
 * (its Javadoc is the format), so the report and the writer cannot drift apart.
 */
public final class FootprintReader {

    private FootprintReader() {
    }

    /** The footprint files of the run folders that have one, in run-folder order. */
    public static List<FootprintResults> find(List<Path> runFolders) throws BadInputException {
        List<FootprintResults> found = new ArrayList<>();
        for (Path folder : runFolders) {
            Path file = FootprintFiles.at(folder).json();
            if (Files.exists(file)) {
                found.add(read(file));
            }
        }
        return found;
    }

    /** Reads one file; anything that is not a complete {@value FootprintReport#FORMAT} document is bad input. */
    public static FootprintResults read(Path file) throws BadInputException {
        FootprintReport report;
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty file");
            }
            report = Json.everyFieldRequired(FootprintReport.class).readValue(file.toFile());
        } catch (BadInputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new BadInputException(file, "not a footprint file: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + where, e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot read file: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read file: " + e.getMessage(), e);
        }
        if (report == null || !FootprintReport.FORMAT.equals(report.format())) {
            throw new BadInputException(file, "not a footprint file: \"format\" is "
                    + (report == null ? "missing" : "\"" + report.format() + "\"") + ", expected \"" + FootprintReport.FORMAT + "\"");
        }
        if (report.jvm() == null) {
            throw new BadInputException(file, "footprint file has no \"jvm\": its sizes cannot be interpreted");
        }
        if (report.rows().isEmpty()) {
            throw new BadInputException(file, "footprint file has no rows");
        }
        for (FootprintRow row : report.rows()) {
            if (row.strategy() == null || row.phase() == null) {
                throw new BadInputException(file, "footprint row without strategy or phase: " + row);
            }
        }
        return new FootprintResults(file, report);
    }
}
