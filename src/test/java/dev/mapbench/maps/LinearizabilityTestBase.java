package dev.mapbench.maps;

import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.linearizability.MapOperations;

import org.junit.jupiter.api.Test;

/**
 * One safe strategy, checked for linearizability by Lincheck in both modes.
 *
 * <p>A subclass names the strategy's Lincheck spec; a failure throws Lincheck's
 * {@code LincheckAssertionError} with the offending interleaving, which fails the test.
 */
abstract class LinearizabilityTestBase {

    /** The Lincheck test class: a public {@link MapOperations} subclass with a no-argument constructor. */
    abstract Class<? extends MapOperations> spec();

    @Test
    void modelCheckingFindsOnlyLinearizableExecutions() {
        LincheckRuns.modelChecking().check(spec());
    }

    @Test
    void stressFindsOnlyLinearizableExecutions() {
        LincheckRuns.stress().check(spec());
    }
}
