package dev.mapbench.hazard;

/** A wall-clock budget for a probabilistic test: loop until the failure shows or the budget is spent. */
final class TimeBound {

    private final long startNanos = System.nanoTime();
    private final long budgetNanos;

    private TimeBound(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    static TimeBound ofMillis(long millis) {
        return new TimeBound(millis * 1_000_000L);
    }

    boolean expired() {
        return System.nanoTime() - startNanos >= budgetNanos;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
