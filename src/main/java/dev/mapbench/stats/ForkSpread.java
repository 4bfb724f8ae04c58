package dev.mapbench.stats;

import java.util.Collection;
import java.util.Locale;

/**
 * The between-fork spread a run measured, which every interval and the spread rule rest on.
 *
 * <p>{@link #pooledLogVariance()} is the variance of log fork values pooled over every cell with at
 * least two forks (each weighted by its degrees of freedom), combined with a prior worth
 * {@link #PRIOR_DEGREES} degrees of freedom, so a run with few repeated cells does not start from
 * nothing. {@link #spreadFactor(double)} is how far apart two single forks of one cell can land at a
 * given confidence under that variance, never below {@link #MIN_SPREAD_FACTOR}: a one-fork difference
 * must exceed it to count. It rests on the pooled variance rather than on the single largest ratio seen,
 * because one cell disturbed by another process (forks 12× apart were seen under load) would otherwise
 * forbid every one-fork decision of the run; the largest ratio is still recorded and printed.
 *
 * <p>Where the prior comes from: on the 2-core development machine (2026-12-01, JDK 17, 26 cells of
 * the default workload × 6 forks of 3 × 150 ms warmup + 5 × 100 ms) the pooled standard deviation of log
 * fork means was 0.17 (median cell 0.08), the largest fork ratio 2.7; the README documents bimodal
 * forks ~30 % apart and half-speed forks. The prior standard deviation is {@value #PRIOR_LOG_SD}.
 *
 * @param pooledLogVariance pooled variance of log fork values, prior included
 * @param degreesOfFreedom degrees of freedom of the pooled variance, prior included
 * @param largestForkRatio the largest max/min fork ratio measured in one cell (1 when no cell has two forks)
 * @param cellsMeasured how many cells with at least two forks went into it
 */
public record ForkSpread(double pooledLogVariance, int degreesOfFreedom, double largestForkRatio, int cellsMeasured) {

    /** Prior standard deviation of log fork values (see the class comment for where it was measured). */
    public static final double PRIOR_LOG_SD = 0.15;
    /** Degrees of freedom the prior counts as: the run's own forks outweigh it once 20 repeats are in. */
    public static final int PRIOR_DEGREES = 20;
    /** Forks of one cell 2× apart have been seen: no rule may treat a smaller one-fork difference as real. */
    public static final double MIN_SPREAD_FACTOR = 2.0;

    /** The spread known before any cell has two forks: the prior alone. */
    public static ForkSpread prior() {
        return new ForkSpread(PRIOR_LOG_SD * PRIOR_LOG_SD, PRIOR_DEGREES, 1.0, 0);
    }

    /** Measures the spread of {@code samples} (cells with fewer than two positive forks are skipped). */
    public static ForkSpread measure(Collection<ForkSample> samples) {
        double weighted = PRIOR_DEGREES * PRIOR_LOG_SD * PRIOR_LOG_SD;
        int degrees = PRIOR_DEGREES;
        double largest = 1.0;
        int cells = 0;
        for (ForkSample sample : samples) {
            if (sample.forks() < 2 || !sample.positive()) {
                continue;
            }
            weighted += (sample.forks() - 1) * sample.logVariance();
            degrees += sample.forks() - 1;
            largest = Math.max(largest, sample.spreadRatio());
            cells++;
        }
        return new ForkSpread(weighted / degrees, degrees, largest, cells);
    }

    /**
     * The factor a one-fork difference must exceed to count at {@code confidence}: the two-sided t bound of
     * the log difference of two single forks of one cell (sd √2 × the pooled one, the pool's degrees of
     * freedom), at least {@link #MIN_SPREAD_FACTOR}.
     */
    public double spreadFactor(double confidence) {
        double bound = RatioInterval.tQuantile(confidence, degreesOfFreedom) * Math.sqrt(2 * pooledLogVariance);
        return Math.max(MIN_SPREAD_FACTOR, Math.exp(bound));
    }

    /** Standard deviation of log fork values. */
    public double logSd() {
        return Math.sqrt(pooledLogVariance);
    }

    /**
     * The variance of one cell's log fork values, moderated toward the pooled one: the cell's own
     * variance counts with its n - 1 degrees of freedom, the pooled one with {@code priorDegrees}. Two
     * forks that happened to land in the same mode can then not pass for a quiet cell.
     */
    public double moderatedVariance(ForkSample sample, int priorDegrees) {
        int own = sample.forks() - 1;
        if (own < 1) {
            return pooledLogVariance;
        }
        return (priorDegrees * pooledLogVariance + own * sample.logVariance()) / (priorDegrees + own);
    }

    /** One line for outputs: how wide forks spread in this run. */
    public String describe() {
        return String.format(Locale.ROOT, "between-fork spread: sd of log fork values %.3f (%d cells with 2+ forks, "
                + "prior %.2f worth %d df), largest fork ratio %.2f×", logSd(), cellsMeasured, PRIOR_LOG_SD,
                PRIOR_DEGREES, largestForkRatio);
    }
}
