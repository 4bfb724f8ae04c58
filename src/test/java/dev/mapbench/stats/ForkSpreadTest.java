package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aCellsOwnVarianceIsModeratedTowardThePool() {
        ForkSpread spread = ForkSpread.prior();
        ForkSample sameMode = ForkSample.of(400, 400.4);
        double moderated = spread.moderatedVariance(sameMode, 4);
        assertEquals((4 * spread.pooledLogVariance() + sameMode.logVariance()) / 5, moderated, 1e-15);
        assertEquals(spread.pooledLogVariance(), spread.moderatedVariance(ForkSample.of(3), 4), 0);
    }
}
