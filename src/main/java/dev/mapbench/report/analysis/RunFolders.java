package dev.mapbench.report.analysis;

import dev.mapbench.results.BenchmarkCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds what the runner left beside a cell in its run folder (gc-pauses/, profiles/), by the cell's id. */
final class RunFolders {

    private RunFolders() {
    }

    /** The run folder the cell was read from (its jmh-result.json or cells/ file lies under it). */
    static Optional<Path> of(BenchmarkCell cell, List<Path> runFolders) {
        Path source = cell.source().toAbsolutePath().normalize();
        return runFolders.stream().map(folder -> folder.toAbsolutePath().normalize())
                .filter(source::startsWith).findFirst();
    }

    /**
     * The entry of {@code folder} named as the runner names a cell's files: {@code NNNN-<id>}, an optional
     * {@code -oversubscribed} mark, then {@code suffix}.
     */
    static Optional<Path> cellEntry(Path folder, String cellId, String suffix) {
        Pattern name = Pattern.compile("\\d{4}-" + Pattern.quote(cellId) + "(-oversubscribed)?" + Pattern.quote(suffix));
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> name.matcher(entry.getFileName().toString()).matches()).sorted().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
