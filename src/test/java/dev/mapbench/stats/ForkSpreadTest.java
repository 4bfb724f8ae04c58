package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkSpreadTest {

    @Test
    void withoutRepeatedCellsTheSpreadIsThePrior() {
        ForkSpread spread = ForkSpread.measure(List.of(ForkSample.of(5), ForkSample.of(7)));
        assertEquals(ForkSpread.PRIOR_LOG_SD, spread.logSd(), 1e-12);
        assertEquals(ForkSpread.MIN_SPREAD_FACTOR, spread.spreadFactor(0.99), 1e-12);
        assertEquals(0, spread.cellsMeasured());
    }

    @Test
    void repeatedCellsPoolTheirLogVarianceWithThePrior() {
        ForkSample a = ForkSample.of(100, 110, 90, 105);
        ForkSample b = ForkSample.of(10, 30);
        ForkSpread spread = ForkSpread.measure(List.of(a, b));
        double expected = (ForkSpread.PRIOR_DEGREES * ForkSpread.PRIOR_LOG_SD * ForkSpread.PRIOR_LOG_SD
                + 3 * a.logVariance() + 1 * b.logVariance()) / (ForkSpread.PRIOR_DEGREES + 4);
        assertEquals(expected, spread.pooledLogVariance(), 1e-12);
        assertEquals(3.0, spread.largestForkRatio(), 1e-12);
        assertEquals(2, spread.cellsMeasured());
    }

    @Test
    void withEnoughRepeatedCellsAFewBimodalOnesDoNotWidenEveryInterval() {
        List<ForkSample> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cells.add(VerdictsTest.forks(100 + i, 0.04, 5)); // quiet cells, log sd about 0.04
        }
        cells.add(ForkSample.of(170, 171, 88, 90, 172)); // half-speed forks
        cells.add(ForkSample.of(45.9, 43.2, 18.0, 43.6, 17.7));
        ForkSpread spread = ForkSpread.measure(cells);
        assertEquals(14, spread.cellsMeasured());
        assertTrue(spread.robust());
        assertTrue(spread.logSd() > 0.03 && spread.logSd() < 0.06, "the typical cell's sd, not the bimodal ones': "
                + spread.logSd());
        double meanPooled = Math.sqrt(cells.stream().mapToDouble(ForkSample::logVariance).average().orElseThrow());
        assertTrue(meanPooled > 3 * spread.logSd(), "a mean of variances would be " + meanPooled);
        assertTrue(spread.moderatedVariance(cells.get(12), 4) > 10 * spread.pooledLogVariance(),
                "the bimodal cell keeps its own wide spread");
        assertTrue(spread.describe().contains("median over 14 cells"), spread.describe());
    }

    @Test
    void aCellsOwnVarianceIsModeratedTowardThePool() {
        ForkSpread spread = ForkSpread.prior();
        ForkSample sameMode = ForkSample.of(400, 400.4);
        double moderated = spread.moderatedVariance(sameMode, 4);
        assertEquals((4 * spread.pooledLogVariance() + sameMode.logVariance()) / 5, moderated, 1e-15);
        assertEquals(spread.pooledLogVariance(), spread.moderatedVariance(ForkSample.of(3), 4), 0);
    }
}
