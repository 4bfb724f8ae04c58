package dev.mapbench.maps;

import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.linearizability.MapOperations;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One safe strategy, checked for linearizability by Lincheck in both modes.
 *
 * <p>A subclass names the strategy's Lincheck spec; a failure throws Lincheck's
 * {@code LincheckAssertionError} with the offending interleaving, which fails the test. The {@code slow}
 * tag is inherited by every subclass: each spends 8-17 s in Lincheck, so {@code -Pquick} leaves them out.
 */
@ExtendWith(LinearizabilityRecorder.class)
@Tag("slow")
abstract class LinearizabilityTestBase {

    /** The Lincheck test class: a public {@link MapOperations} subclass with a no-argument constructor. */
    abstract Class<? extends MapOperations> spec();

    /** The strategy this test checks (the one whose test {@link LinearizabilityCoverageTest} finds it to be). */
    MapStrategy strategy() {
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            LinearizabilityTestBase test = LinearizabilityCoverageTest.linearizabilityTestOf(strategy);
            if (test != null && test.getClass() == getClass()) {
                return strategy;
            }
        }
        throw new IllegalStateException(getClass() + " is no strategy's linearizability test");
    }

    @Test
    void modelCheckingFindsOnlyLinearizableExecutions() {
        LincheckRuns.modelChecking().check(spec());
    }

    @Test
    void stressFindsOnlyLinearizableExecutions() {
        LincheckRuns.stress().check(spec());
    }
}
