package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No claim rests on one fork; forks in modes far apart are named, and a rare mode cannot decide. */
class ConfirmationTest {

    private static final VerdictSettings SETTINGS = VerdictSettings.defaults();

    private static Ranking rank(ForkSpread spread, VerdictSettings settings, Object... strategyThenForks) {
        Map<String, ForkSample> samples = new LinkedHashMap<>();
        for (int i = 0; i < strategyThenForks.length; i += 2) {
            samples.put((String) strategyThenForks[i], ForkSample.of((double[]) strategyThenForks[i + 1]));
        }
        return Verdicts.rank(samples, true, "ops/us", spread, settings);
    }

    private static double[] forks(double... values) {
        return values;
    }

    @Test
    void aOneForkSlowerNeedsASecondForkOnEachSide() {
        Ranking single = rank(ForkSpread.prior(), SETTINGS, "A", forks(100), "B", forks(40));
        StrategyVerdict b = single.of("B");
        assertEquals(VerdictStatus.UNDECIDED, b.status(), b.method());
        assertEquals(VerdictSettings.CONFIRMING_FORKS, b.forksNeeded());
        assertTrue(b.method().contains("a second fork on each side must confirm it"), b.method());
        assertEquals(VerdictStatus.SLOWER, rank(ForkSpread.prior(), SETTINGS.withoutConfirmation(), "A", forks(100),
                "B", forks(40)).of("B").status(), "the rule before confirmation called it on one fork");
        assertEquals(VerdictStatus.UNDECIDED, rank(ForkSpread.prior(), SETTINGS, "A", forks(100), "B", forks(40, 41))
                .of("B").status(), "two forks of B do not confirm against one of the best");
        assertEquals(VerdictStatus.SLOWER, rank(ForkSpread.prior(), SETTINGS, "A", forks(100, 103), "B", forks(40, 41))
                .of("B").status(), "two forks a side confirm it");
    }

    @Test
    void onlyAGapOfAtLeastTwentyTimesNeedsNoSecondOpinion() {
        assertEquals(VerdictStatus.SLOWER, rank(ForkSpread.prior(), SETTINGS, "A", forks(100), "B", forks(4.9))
                .of("B").status(), "20.4x behind");
        assertEquals(VerdictStatus.UNDECIDED, rank(ForkSpread.prior(), SETTINGS, "A", forks(100), "B", forks(5.1))
                .of("B").status(), "19.6x behind is not exempt");
        assertEquals(VerdictStatus.SLOWER, rank(ForkSpread.prior(), SETTINGS, "A", forks(45), "B", forks(0.011))
                .of("B").status(), "a strategy thousands of times behind is decided on its first fork");
    }

    @Test
    void aRunWithForksFurtherApartWidensTheExemptGap() {
        // one cell of this run had forks 15x apart: the exempt gap becomes 30x
        ForkSpread spread = new ForkSpread(0.15 * 0.15, 20, 15.0, 0);
        assertEquals(30.0, SETTINGS.exemptGap(spread), 1e-9);
        assertEquals(VerdictStatus.UNDECIDED, rank(spread, SETTINGS, "A", forks(100), "B", forks(4)).of("B").status());
        assertEquals(VerdictStatus.SLOWER, rank(spread, SETTINGS, "A", forks(100), "B", forks(3)).of("B").status());
    }

    @Test
    void aSecondForkThatDisagreesOpensTheCellAgain() {
        // measured 2026-12-01: WRAPPER_LAYER's first fork at 6.1 ops/us, its others at 57-60
        Ranking ranking = rank(ForkSpread.prior(), SETTINGS, "STAMPED_LOCK", forks(54, 55), "WRAPPER_LAYER",
                forks(6.1, 58.0));
        StrategyVerdict wrapper = ranking.of("WRAPPER_LAYER");
        assertEquals(VerdictStatus.UNDECIDED, wrapper.status());
        assertNotNull(wrapper.modes());
        assertTrue(wrapper.modes().startsWith("1 of 2 forks ran"), wrapper.modes());
        assertEquals(ForkModes.FORKS_TO_CALL_RARE, wrapper.forksNeeded());
        assertTrue(!ranking.decided());
    }

    @Test
    void aForkInARareSlowModeCannotDecide() {
        Ranking ranking = rank(ForkSpread.prior(), SETTINGS, "STAMPED_LOCK", forks(40, 41, 39, 40, 41),
                "WRAPPER_LAYER", forks(57, 6.1, 58, 59, 60));
        assertEquals("WRAPPER_LAYER", ranking.best().strategy(), "the slow fork is set aside");
        StrategyVerdict best = ranking.best();
        assertEquals(5, best.forks());
        assertEquals(4, best.forksUsed());
        assertTrue(best.modes().startsWith("1 of 5 forks ran 9.") && best.modes().contains("slower"), best.modes());
        assertEquals(VerdictStatus.SLOWER, ranking.of("STAMPED_LOCK").status());
        // judged without confirmation the same forks put the wrapper behind
        Ranking old = rank(ForkSpread.prior(), SETTINGS.withoutConfirmation(), "STAMPED_LOCK",
                forks(40, 41, 39, 40, 41), "WRAPPER_LAYER", forks(57, 6.1, 58, 59, 60));
        assertEquals("STAMPED_LOCK", old.best().strategy());
    }

    @Test
    void aModeHalfTheForksLandInIsPartOfTheStrategysBehaviour() {
        ForkModes modes = ForkModes.of(ForkSample.of(170, 90, 172, 88, 168, 91), 1.5);
        assertEquals(ForkModes.Kind.MODES, modes.kind());
        assertEquals(6, modes.sample().forks(), "every fork counts");
        assertTrue(modes.note().startsWith("3 of 6 forks ran 1.9× slower"), modes.note());
        assertEquals(ForkModes.Kind.ONE_MODE, ForkModes.of(ForkSample.of(170, 160, 175), 2.0).kind());
        assertNull(ForkModes.of(ForkSample.of(170, 160, 175), 2.0).note());
        assertEquals(ForkModes.Kind.UNSETTLED, ForkModes.of(ForkSample.of(170, 20, 175, 168), 2.0).kind(),
                "1 of 4 cannot yet be told rare");
        assertEquals(ForkModes.Kind.RARE_MODE, ForkModes.of(ForkSample.of(170, 20, 175, 168, 171), 2.0).kind());
    }

    @Test
    void aCellIntervalRestsOnForksNotIterations() {
        ForkSpread spread = ForkSpread.measure(List.of(ForkSample.of(100, 110), ForkSample.of(50, 54),
                ForkSample.of(10, 11.2), ForkSample.of(300, 290)));
        CellInterval one = CellInterval.of(ForkSample.of(100), spread, SETTINGS, 0.95);
        CellInterval six = CellInterval.of(ForkSample.of(100, 104, 97, 101, 99, 103), spread, SETTINGS, 0.95);
        assertTrue(one.low() < 100 && one.high() > 100);
        assertTrue(six.high() / six.low() < one.high() / one.low(), "more forks, a narrower interval");
        CellInterval withRareFork = CellInterval.of(ForkSample.of(100, 104, 97, 101, 11), spread, SETTINGS, 0.95);
        assertEquals(4, withRareFork.forks(), "the rare mode is set aside as in the verdicts");
    }
}
