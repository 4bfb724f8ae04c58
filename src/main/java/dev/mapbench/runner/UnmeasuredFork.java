package dev.mapbench.runner;

import dev.mapbench.results.ForkStatus;
import org.openjdk.jmh.runner.RunnerException;

/**
 * A fork that ended without numbers that stand: it ran past its watchdog's limit and was ended, or its map's
 * state after the measurement was wrong. The runner records it in {@code forks.csv} with its {@link #status()}
 * and never ranks its cell.
 */
final class UnmeasuredFork extends RunnerException {

    private final ForkStatus status;
    private final String detail;

    UnmeasuredFork(ForkStatus status, String detail) {
        super(status.label() + ": " + detail);
        this.status = status;
        this.detail = detail;
    }

    ForkStatus status() {
        return status;
    }

    /** What it met, one line. */
    String detail() {
        return detail;
    }
}
