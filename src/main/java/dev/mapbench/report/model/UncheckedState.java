package dev.mapbench.report.model;

import dev.mapbench.bench.StateCheck;
import dev.mapbench.results.BenchmarkCell;
import java.util.List;

/**
 * The cells whose forks ran without the tear-down state check ({@code bench.stateCheck=false}, which the forks'
 * JVM arguments record as {@code -Dmapbench.skipStateCheck=true}): a map that corrupted itself in them was not
 * caught, so the report says so above the verdicts.
 *
 * @param cells the cells' ids (or benchmarks, for cells mapbench does not name)
 */
public record UncheckedState(List<String> cells) implements ReportSection {

    /** Copies the list. */
    public UncheckedState {
        cells = List.copyOf(cells);
    }

    /** The cells of {@code cells} that ran without the check. */
    public static UncheckedState of(List<BenchmarkCell> cells) {
        return new UncheckedState(cells.stream().filter(cell -> cell.jvm().jvmArgs().contains(StateCheck.SKIP_ARGUMENT))
                .map(cell -> cell.cellId().map(id -> id.id()).orElse(cell.benchmark())).toList());
    }
}
