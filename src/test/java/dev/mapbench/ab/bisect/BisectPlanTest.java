package dev.mapbench.ab.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dry run's arithmetic: steps from the range, forks per step, builds and the estimated time. */
class BisectPlanTest {

    @Test
    void stepsAreLog2OfTheRangeRoundedUp() {
        assertEquals(0, BisectPlan.steps(1), "one commit: it is the culprit");
        assertEquals(1, BisectPlan.steps(2));
        assertEquals(3, BisectPlan.steps(8));
        assertEquals(4, BisectPlan.steps(9));
        assertEquals(5, BisectPlan.steps(20));
    }

    @Test
    void forksDoubleFromTheStartUpToTheCap() {
        assertEquals(List.of(6, 12, 24), BisectionTest.settings().forkLevels());
        assertEquals(List.of(6, 12, 20), new Bisection.Settings(6, 20, AbDecision.Settings.defaults(), 1).forkLevels());
        assertEquals(List.of(6), new Bisection.Settings(6, 6, AbDecision.Settings.defaults(), 1).forkLevels());
        assertThrows(IllegalArgumentException.class, () -> new Bisection.Settings(6, 4, AbDecision.Settings.defaults(), 1));
        assertThrows(IllegalArgumentException.class, () -> new Bisection.Settings(1, 4, AbDecision.Settings.defaults(), 1));
    }

    @Test
    void theEstimateIsForksTimesTheForkCostPlusOneBuildPerCommitBuilt() {
        AbPlan ends = BisectionTest.plan(); // 4 workload cells + 2 ruler
        BisectPlan plan = new BisectPlan(8, ends, BisectionTest.settings());
        assertEquals(3, plan.steps());
        assertEquals(5, plan.builds());
        assertEquals(6 * 2 * 6, plan.endForks());
        assertEquals(3, plan.fewestStepCells(), "one regressed cell and its two ruler cells");
        assertEquals(6, plan.mostStepCells());
        assertEquals(3 * 3 * 6, BisectPlan.stepForks(3, 6));
        double fork = ends.plannedSecondsPerFork();
        assertEquals(5 * BisectPlan.BUILD_SECONDS + (72 + 3 * 54) * fork, plan.seconds(3), 1e-9);
        assertEquals(5 * BisectPlan.BUILD_SECONDS + (6 * 2 * 24 + 3 * 6 * 3 * 24) * fork, plan.worstSeconds(), 1e-9);
        String lines = String.join("\n", plan.lines());
        assertTrue(lines.contains("steps expected: 3 (log2 of 8 commits)"), lines);
        assertTrue(lines.contains("3 cells (one regresses) to 6 (all 4 do) = 54 to 108 forks"), lines);
        assertTrue(lines.contains("6 -> 12 -> 24 (cap 24)"), lines);
        assertTrue(lines.contains("builds: 5"), lines);
    }
}
