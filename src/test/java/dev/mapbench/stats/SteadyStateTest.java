package dev.mapbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteadyStateTest {

    @Test
    void leadingIterationsOutsideTheRestAreLeftOut() {
        // measured 2026-12-01: WRAPPER_LAYER forks whose first iterations ran at 31-38 ops/us, the rest at 57-60
        SteadyState fork = SteadyState.of(35.0, 57.1, 59.4, 60.3, 58.2);
        assertTrue(fork.unsteady());
        assertEquals(1, fork.steadyFrom());
        assertEquals((57.1 + 59.4 + 60.3 + 58.2) / 4, fork.value(), 1e-9);
        assertTrue(fork.describe().startsWith("measured iteration 1 of 5 still trending"), fork.describe());
        SteadyState twoSteps = SteadyState.of(12.0, 31.0, 57.1, 59.4, 60.3);
        assertEquals(2, twoSteps.steadyFrom(), "each beyond the range of the iterations after it");
        assertTrue(twoSteps.describe().startsWith("measured iterations 1–2 of 5 still trending"), twoSteps.describe());
    }

    @Test
    void aFirstIterationFasterThanTheRestCountsToo() {
        // a STAMPED_LOCK fork: 26.2 then 13.4, 15.0, 14.4, 14.2
        SteadyState fork = SteadyState.of(26.2, 13.4, 15.0, 14.4, 14.2);
        assertEquals(1, fork.steadyFrom());
    }

    @Test
    void trendingStopsAtTheFirstIterationInsideTheRest() {
        assertEquals(2, SteadyState.of(3, 20, 100, 101, 99, 100).steadyFrom());
        assertEquals(0, SteadyState.of(10, 20, 100, 101, 99, 100).steadyFrom(),
                "a ramp whose second step already spans the way is not caught (documented)");
        assertEquals(1, SteadyState.of(40, 100, 101, 99, 100).steadyFrom());
    }

    @Test
    void aWobbleInsideTheForksOwnSpreadIsSteady() {
        assertFalse(SteadyState.of(100, 97, 103, 99, 101).unsteady());
        assertFalse(SteadyState.of(115, 100, 100.5, 99.8, 100.2).unsteady(), "15 % is below the 20 % floor");
        assertFalse(SteadyState.of(60, 100, 40, 120, 70).unsteady(), "a first iteration inside noisy later ones");
        assertFalse(SteadyState.of(100, 101, 99, 60, 100, 100).unsteady(), "a dip later in the fork is not warm-up");
        assertFalse(SteadyState.of(25, 100, 50, 200, 100).unsteady(),
                "2x modes inside the fork: the first must lie beyond their range's own width");
    }

    @Test
    void theLastThreeIterationsAlwaysCount() {
        SteadyState fork = SteadyState.of(10, 20, 40, 80, 101, 99);
        assertEquals(0, fork.steadyFrom(), "10 lies inside the wide range of the ramp after it");
        SteadyState steps = SteadyState.of(0.5, 10, 60, 100, 101, 99);
        assertEquals(3, steps.steadyFrom(), "100 might still be trending, but three iterations stay");
        assertEquals(3, steps.iterations().length - steps.steadyFrom());
        assertFalse(SteadyState.of(1, 100, 100).unsteady(), "three iterations: nothing to leave out");
    }
}
