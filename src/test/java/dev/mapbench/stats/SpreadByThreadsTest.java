package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadByThreadsTest {

    /** Twelve cells of three forks each, log sd about {@code sd}. */
    private static List<ForkSample> cells(double sd) {
        List<ForkSample> cells = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cells.add(VerdictsTest.forks(50 + 10 * i, sd, 3));
        }
        return cells;
    }

    @Test
    void eachThreadCountHasItsOwnSpreadAndAnUnmeasuredOneHasThePrior() {
        SpreadByThreads spread = SpreadByThreads.measure(Map.of(1, cells(0.03), 2, cells(0.25)));
        assertTrue(spread.at(1).logSd() < 0.06, "1 thread: " + spread.at(1).describe());
        assertTrue(spread.at(2).logSd() > 0.15, "2 threads: " + spread.at(2).describe());
        assertEquals(ForkSpread.prior(), spread.at(4));
        assertTrue(spread.describe().startsWith("1 thread: between-fork spread"), spread.describe());
        assertTrue(spread.describe().contains("; 2 threads: between-fork spread"), spread.describe());
    }

    @Test
    void aFewForkDifferenceAQuietThreadCountCarriesIsNotCarriedWhereForksScatter() {
        // Measured 2026-12-01: single forks of one 2-thread cell 2.4x apart, while 1-thread cells were quiet.
        // The same 2.2x difference on two forks a side is shown slower at 1 thread and left open at 2 threads.
        SpreadByThreads spread = SpreadByThreads.measure(Map.of(1, cells(0.03), 2, cells(0.25)));
        Map<String, ForkSample> samples = Map.of("A", ForkSample.of(650, 655), "B", ForkSample.of(295, 297));
        VerdictSettings settings = VerdictSettings.defaults();
        assertEquals(VerdictStatus.SLOWER, Verdicts.rank(samples, true, "ops/us", spread.at(1), settings).of("B").status());
        assertEquals(VerdictStatus.UNDECIDED, Verdicts.rank(samples, true, "ops/us", spread.at(2), settings).of("B").status());
    }

    @Test
    void claimsAreOneSidedAtAlphaOverKAndTheSpreadRuleStaysTwoSided() {
        VerdictSettings settings = VerdictSettings.defaults();
        assertEquals(0.98, settings.confidence(5), 1e-12, "t intervals: 1 - 2 alpha / k");
        assertEquals(0.99, settings.spreadRuleConfidence(5), 1e-12, "spread rule: 1 - alpha / k");
    }
}
