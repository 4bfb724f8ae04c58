package dev.mapbench.ab;

import dev.mapbench.compare.RunSideReader;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * From the label a comparison names a cell by ({@code MapBenchmark.mixed thrpt strategy=... threads=1}) back
 * to the cell's id ({@code RWLOCK_HASHMAP-r100-s100-UNIFORM-t1}), through the JMH results both were made
 * from: so a regressed cell of one A/B can be planned again (ab.json's {@code regressedCells}, a bisection).
 */
public final class CellLabels {

    private CellLabels() {
    }

    /** Every cell of {@code results} that mapbench names: comparison label to cell id. */
    public static Map<String, String> idsByLabel(ResultSet results) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (BenchmarkCell cell : results.cells()) {
            cell.cellId().ifPresent(id -> ids.put(RunSideReader.label(cell), id.id()));
        }
        return ids;
    }
}
