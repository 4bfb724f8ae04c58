package dev.mapbench.maps;

import dev.mapbench.linearizability.LinearizabilityCheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.Options;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions about what Lincheck concluded, for tests that expect it to find a violation. */
final class LincheckVerdicts {

    /** The header Lincheck puts on a report of results no sequential order explains. */
    static final String INVALID_RESULTS = LinearizabilityCheck.INVALID_RESULTS;

    private LincheckVerdicts() {
    }

    /**
     * Runs {@code options} on {@code spec} and asserts Lincheck reports a linearizability violation, not
     * some other failure (an unexpected exception, a hang), so the test pins what the checker found.
     */
    static LincheckAssertionError assertNotLinearizable(Options<?, ?> options, Class<?> spec) {
        LincheckAssertionError failure = assertThrows(LincheckAssertionError.class, () -> options.check(spec),
                () -> "Lincheck accepted " + spec.getSimpleName() + ", which is not linearizable");
        assertTrue(failure.getMessage().contains(INVALID_RESULTS),
                () -> "Lincheck failed " + spec.getSimpleName() + " for another reason:\n" + failure.getMessage());
        return failure;
    }
}
