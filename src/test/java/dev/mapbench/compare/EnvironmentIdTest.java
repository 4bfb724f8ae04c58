package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.report.model.CellSample;
import dev.mapbench.results.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentIdTest {

    @Test
    void theStoredBaselineKeepsTheEnvironmentIdItsHistoryRowsCarry() throws BadInputException {
        RunSide baseline = RunSideReader.read(List.of(Path.of("results/baseline")));
        // results/history.csv names this baseline's environment 31f7ef7aca: the id must not move under it
        assertEquals(List.of("31f7ef7aca"), baseline.samples().stream().map(CellSample::environmentId).distinct()
                .toList());
    }
}
