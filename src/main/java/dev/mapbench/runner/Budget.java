package dev.mapbench.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The wall-time budget of a run: a fork starts only if it is expected to end, with the report after it,
 * before the budget is spent.
 *
 * <p>What is kept back for after the runner ({@link #reserveSeconds}): the report (measured on this
 * machine: under 20 s for a default run of ~450 cells, charts included) and Maven's own finishing, so the
 * whole {@code mvn verify -Pbench} ends inside the budget.
 */
final class Budget {

    private final Instant startedAt;
    private final Duration total;
    private final double reserveSeconds;
    private final Supplier<Instant> clock;

    Budget(Instant startedAt, Duration total, double reserveSeconds, Supplier<Instant> clock) {
        this.startedAt = startedAt;
        this.total = total;
        this.reserveSeconds = reserveSeconds;
        this.clock = clock;
    }

    /** Seconds kept back for the report and Maven: 20 s plus 40 ms per cell. */
    static double reserveFor(int cells) {
        return 20 + 0.04 * cells;
    }

    /** Whether there is a limit at all. */
    boolean limited() {
        return total != null;
    }

    /** Seconds left for measuring (the reserve already taken off); infinite without a limit. */
    double secondsLeft() {
        if (total == null) {
            return Double.POSITIVE_INFINITY;
        }
        double elapsed = Duration.between(startedAt, clock.get()).toMillis() / 1000.0;
        return total.toMillis() / 1000.0 - reserveSeconds - elapsed;
    }

    /** Whether something expected to take {@code seconds} still fits. */
    boolean allows(double seconds) {
        return seconds <= secondsLeft();
    }

    /** Seconds since the command started. */
    double elapsedSeconds() {
        return Duration.between(startedAt, clock.get()).toMillis() / 1000.0;
    }

    Duration total() {
        return total;
    }

    Instant startedAt() {
        return startedAt;
    }

    double reserveSeconds() {
        return reserveSeconds;
    }
}
