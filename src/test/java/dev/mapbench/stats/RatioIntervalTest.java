package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {

    @Test
    void withoutAPriorItIsWelchsIntervalOnLogValues() {
        ForkSample a = ForkSample.of(100, 104, 98, 102, 101);
        ForkSample b = ForkSample.of(80, 84, 79, 81);
        RatioInterval interval = RatioInterval.of(a, b, ForkSpread.prior(), 0.95, 2, 0);
        double va = a.logVariance() / 5;
        double vb = b.logVariance() / 4;
        double df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 3);
        double t = org.apache.commons.statistics.distribution.TDistribution.of(df).inverseCumulativeProbability(0.975);
        double d = a.logMean() - b.logMean();
        assertEquals(Math.exp(d), interval.ratio(), 1e-12);
        assertEquals(Math.exp(d - t * Math.sqrt(va + vb)), interval.low(), 1e-12);
        assertEquals(Math.exp(d + t * Math.sqrt(va + vb)), interval.high(), 1e-12);
        assertEquals(df, interval.degreesOfFreedom(), 1e-9);
        assertEquals(RatioInterval.Method.MODERATED_T, interval.method());
    }

    @Test
    void tooFewForksUseTheSpreadRule() {
        ForkSpread spread = ForkSpread.measure(List.of(ForkSample.of(10, 25), ForkSample.of(4, 10)));
        double factor = Math.exp(RatioInterval.tQuantile(0.99, spread.degreesOfFreedom())
                * Math.sqrt(2 * spread.pooledLogVariance()));
        assertTrue(factor > 2, "wide enough to exceed the floor: " + factor);
        RatioInterval interval = RatioInterval.of(ForkSample.of(50), ForkSample.of(100, 101, 99), spread, 0.99, 2, 4);
        assertEquals(RatioInterval.Method.SPREAD_RULE, interval.method());
        assertEquals(interval.ratio() / factor, interval.low(), 1e-9);
        assertEquals(interval.ratio() * factor, interval.high(), 1e-9);
        assertTrue(interval.describe().contains(String.format(java.util.Locale.ROOT, "%.2f×", factor)), interval.describe());
        assertEquals(2.0, ForkSpread.prior().spreadFactor(0.99), 1e-12, "the prior's spread is under the 2x floor");
    }

    @Test
    void nonPositiveForksAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RatioInterval.of(ForkSample.of(0), ForkSample.of(1), ForkSpread.prior(), 0.95, 2, 4));
    }
}
