package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final VerdictSettings SETTINGS = VerdictSettings.defaults();

    /** Fork values around {@code centre} with a fixed multiplicative pattern of log-sd about {@code sd}. */
    static ForkSample forks(double centre, double sd, int count) {
        double[] pattern = {0.0, 1.2, -0.9, 0.4, -1.5, 0.8, -0.3, 1.0, -0.6, 0.2, -1.1, 0.7};
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = centre * Math.exp(sd * pattern[i % pattern.length]);
        }
        return ForkSample.of(values);
    }

    private static Ranking rank(Map<String, ForkSample> samples, ForkSpread spread) {
        return Verdicts.rank(samples, true, "ops/us", spread, SETTINGS);
    }

    @Test
    void aOneForkDifferenceInsideTheMeasuredSpreadIsNeverSlower() {
        ForkSpread prior = ForkSpread.prior();
        for (double ratio = 0.51; ratio <= 1.0; ratio += 0.01) {
            Map<String, ForkSample> samples = Map.of("A", ForkSample.of(100), "B", ForkSample.of(100 * ratio));
            StrategyVerdict b = rank(samples, prior).of("B");
            assertNotEquals(VerdictStatus.SLOWER, b.status(), "one fork at " + ratio + " of the best");
            assertNotEquals(VerdictStatus.EQUIVALENT, b.status(), "one fork cannot show a tie");
        }
        // The run measured wide fork spreads (several cells with forks 2.7x apart): then 0.4 is inside too.
        ForkSpread wide = ForkSpread.measure(List.of(ForkSample.of(100, 270), ForkSample.of(50, 135),
                ForkSample.of(10, 27), ForkSample.of(300, 810)));
        Map<String, ForkSample> samples = Map.of("A", ForkSample.of(100), "B", ForkSample.of(40));
        assertEquals(VerdictStatus.UNDECIDED, rank(samples, wide).of("B").status());
        Map<String, ForkSample> confirmed = Map.of("A", ForkSample.of(100, 102), "B", ForkSample.of(40, 41));
        assertEquals(VerdictStatus.UNDECIDED, rank(confirmed, wide).of("B").status());
        assertEquals(VerdictStatus.SLOWER, rank(confirmed, prior).of("B").status());
    }

    @Test
    void aStrategyHundredTimesBehindIsSlowerAfterOneFork() {
        Map<String, ForkSample> samples = Map.of("CHM", ForkSample.of(45.0), "COW", ForkSample.of(0.011));
        Ranking ranking = rank(samples, ForkSpread.prior());
        assertEquals("CHM", ranking.best().strategy());
        StrategyVerdict cow = ranking.of("COW");
        assertEquals(VerdictStatus.SLOWER, cow.status());
        assertTrue(cow.ratioHigh() < 1, "interval " + cow.ratioLow() + ".." + cow.ratioHigh());
        assertTrue(ranking.decided());
    }

    @Test
    void twoRunsOfTheSameCellAreEquivalent() {
        ForkSample first = forks(640, 0.04, 8);
        ForkSample second = ForkSample.of(reversed(forks(640, 0.04, 8).values()));
        ForkSpread spread = ForkSpread.measure(List.of(first, second, forks(300, 0.05, 8), forks(45, 0.06, 8)));
        Map<String, ForkSample> samples = new LinkedHashMap<>();
        samples.put("run 1", first);
        samples.put("run 2", ForkSample.of(scale(second.values(), 0.98)));
        Ranking ranking = rank(samples, spread);
        assertEquals(VerdictStatus.EQUIVALENT, ranking.strategies().get(1).status(), ranking.toString());
        assertTrue(ranking.decided());
    }

    @Test
    void aCloseRaceWithFewForksIsUndecidedAndSaysHowManyForksWouldDecideIt() {
        Map<String, ForkSample> samples = Map.of("CHM", forks(330, 0.07, 3), "COW", forks(300, 0.07, 3));
        StrategyVerdict cow = rank(samples, ForkSpread.prior()).of("COW");
        assertEquals(VerdictStatus.UNDECIDED, cow.status());
        assertTrue(cow.forksNeeded() > 3, "forks needed " + cow.forksNeeded());
        assertTrue(cow.method().contains("Welch"), cow.method());
    }

    @Test
    void aClearGapWithSeveralForksIsSlowerWithItsInterval() {
        Map<String, ForkSample> samples = Map.of("STAMPED", forks(497, 0.06, 6), "COW", forks(660, 0.06, 6));
        Ranking ranking = rank(samples, ForkSpread.measure(samples.values()));
        assertEquals("COW", ranking.best().strategy());
        StrategyVerdict stamped = ranking.of("STAMPED");
        assertEquals(VerdictStatus.SLOWER, stamped.status());
        assertEquals(497.0 / 660.0, stamped.ratioToBest(), 0.01);
        assertTrue(stamped.ratioLow() < stamped.ratioToBest() && stamped.ratioToBest() < stamped.ratioHigh());
    }

    @Test
    void timePerOperationIsRankedLowestFirst() {
        Map<String, ForkSample> samples = Map.of("fast", ForkSample.of(2.0), "slow", ForkSample.of(20.0));
        Ranking ranking = Verdicts.rank(samples, false, "ns/op", ForkSpread.prior(), SETTINGS);
        assertEquals("fast", ranking.best().strategy());
        assertEquals(0.1, ranking.of("slow").ratioToBest(), 1e-9);
        assertEquals(20.0, ranking.of("slow").estimate(), 1e-9);
    }

    @Test
    void moreComparisonsWidenEachInterval() {
        Map<String, ForkSample> two = new LinkedHashMap<>();
        two.put("A", forks(100, 0.05, 5));
        two.put("B", forks(85, 0.05, 5));
        Map<String, ForkSample> six = new LinkedHashMap<>(two);
        for (int i = 0; i < 4; i++) {
            six.put("slow" + i, forks(10, 0.05, 5));
        }
        ForkSpread spread = ForkSpread.prior();
        StrategyVerdict alone = rank(two, spread).of("B");
        StrategyVerdict crowded = rank(six, spread).of("B");
        assertTrue(crowded.ratioLow() < alone.ratioLow() && crowded.ratioHigh() > alone.ratioHigh());
        assertTrue(crowded.method().contains("5 comparisons"), crowded.method());
    }

    private static double[] reversed(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    private static double[] scale(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }
}
