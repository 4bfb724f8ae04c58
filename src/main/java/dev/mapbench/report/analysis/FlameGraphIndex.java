package dev.mapbench.report.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.report.model.FlameGraphLinks.ProfiledCell;
import dev.mapbench.report.model.FlameGraphLinks;
import dev.mapbench.report.model.Link;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the flame graphs under the run folders' {@code profiles/<cell file name>/} ({@code cpu.html},
 * {@code alloc.html}), linked relative to the final report folder rather than copied: the report lives
 * at {@code <run>/report/}, so the links read {@code ../profiles/...} and open as long as the run folder
 * stays whole.
 */
public final class FlameGraphIndex {

    private FlameGraphIndex() {
    }

    /** Every profiled cell of every run folder, in folder and file-name order. */
    public static FlameGraphLinks find(List<Path> runFolders, Path finalReportFolder) throws BadInputException {
        List<ProfiledCell> cells = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path run : runFolders) {
            Path profiles = run.resolve("profiles");
            if (!Files.isDirectory(profiles)) {
                continue;
            }
            fallback(profiles.resolve("profiler.json")).ifPresent(notes::add);
            try (Stream<Path> entries = Files.list(profiles)) {
                for (Path cell : entries.filter(Files::isDirectory).sorted().toList()) {
                    String name = cell.getFileName().toString();
                    cells.add(new ProfiledCell(name, name.endsWith("-oversubscribed"),
                            link(cell.resolve("cpu.html"), finalReportFolder, "CPU"),
                            link(cell.resolve("alloc.html"), finalReportFolder, "allocation")));
                }
            } catch (IOException e) {
                throw new BadInputException(profiles, "cannot list flame graphs: " + e.getMessage(), e);
            }
        }
        return new FlameGraphLinks(cells, notes);
    }

    private static Optional<Link> link(Path file, Path finalReportFolder, String name) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String href = finalReportFolder.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return Optional.of(new Link(name, href));
    }

    private static Optional<String> fallback(Path profilerJson) throws BadInputException {
        if (!Files.isRegularFile(profilerJson)) {
            return Optional.empty();
        }
        try {
            JsonNode fallback = Json.mapper().readTree(profilerJson.toFile()).path("fallback");
            return fallback.isTextual() ? Optional.of(fallback.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new BadInputException(profilerJson, "not a profiler summary: " + e.getMessage(), e);
        }
    }
}
