package dev.mapbench.report.model;

import dev.mapbench.results.ForkRow;
import java.util.List;
import java.util.Locale;

/**
 * The cells a fork of which timed out or corrupted its map ({@code forks.csv}'s status): left out of every verdict
 * and of the summary's ranking, and listed by themselves so a reader sees why a strategy is missing.
 *
 * @param cells one per cell, its first fork that did not measure
 */
public record UnmeasuredCells(List<ForkRow> cells) implements ReportSection {

    /** Copies the list. */
    public UnmeasuredCells {
        cells = List.copyOf(cells);
    }

    /** The cells of {@code provenance} with a fork that did not measure. */
    public static UnmeasuredCells of(ForkProvenance provenance) {
        return new UnmeasuredCells(provenance.byCell().values().stream()
                .flatMap(forks -> forks.stream().filter(fork -> !fork.measured()).limit(1)).toList());
    }

    /** Whether {@code cellId} is one of them. */
    public boolean contains(String cellId) {
        return cells.stream().anyMatch(row -> row.cellId().equals(cellId));
    }

    /** One line per cell: "org.example.HangingMap-r100-s100-UNIFORM-t1: timed out in fork 1 (61.3 s): ran past …". */
    public List<String> lines() {
        return cells.stream().map(row -> String.format(Locale.ROOT, "%s: %s in fork %d (%s)%s", row.cellId(),
                row.status().label(), row.fork(), Numbers.seconds(row.seconds()),
                row.detail().isBlank() ? "" : ": " + row.detail())).toList();
    }
}
