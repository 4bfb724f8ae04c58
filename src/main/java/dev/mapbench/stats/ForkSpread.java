package dev.mapbench.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The between-fork spread a run measured, which every interval and the spread rule rest on.
 *
 * <p>{@link #pooledLogVariance()} is the variance of log fork values of a typical cell. Once at least
 * {@link #MIN_CELLS_ROBUST} cells have two or more forks it is robust: the median over those cells of each
 * cell's variance divided by the median of χ²(ν)/ν for its ν = n − 1 degrees of freedom, so that the median
 * estimates the common variance whatever each cell's fork count. Why a median and not the mean of the
 * variances: fork spread is heavy-tailed. In a default run on this machine (2026-12-01, 107 repeated cells)
 * the median cell had a log sd of 0.043 while a few cells with half-speed or bimodal forks (copy-on-write at
 * 10 000 entries: forks at 170 and 90 ops/µs) pulled the mean-pooled sd to 0.12, which made every quiet
 * cell's interval three times too wide. Those cells keep their own large variance through the moderation
 * ({@link #moderatedVariance}). Before that many cells repeat, the variance is the cells' pooled with a prior
 * worth {@link #PRIOR_DEGREES} degrees of freedom, so a run does not start from nothing. {@link #spreadFactor(double)} is how far apart two single forks of one cell can land at a
 * given confidence under that variance, and never below {@link #MIN_SPREAD_FACTOR}: a difference resting on
 * fewer forks than a t interval needs must exceed it to count, and two forks of one cell further apart than it
 * lie in different modes ({@link ForkModes}). The spread is measured per
 * thread count ({@link SpreadByThreads}), so a cell disturbed by another process (forks 12× apart were
 * seen under load) withholds one-fork decisions only at its own thread count, and the race then gives
 * those cells the forks a t interval needs.
 *
 * <p>Where the prior comes from: on the 2-core development machine (2026-12-01, JDK 17, 26 cells of
 * the default workload × 6 forks of 3 × 150 ms warmup + 5 × 100 ms) the pooled standard deviation of log
 * fork means was 0.17 (median cell 0.08), the largest fork ratio 2.7; the README documents bimodal
 * forks ~30 % apart and half-speed forks. The prior standard deviation is {@value #PRIOR_LOG_SD}.
 *
 * @param pooledLogVariance the typical cell's variance of log fork values (robust median, or pooled with the prior)
 * @param degreesOfFreedom degrees of freedom behind it (the cells' own, plus the prior's when it is pooled)
 * @param largestForkRatio the largest max/min fork ratio measured in one cell (1 when no cell has two forks)
 * @param cellsMeasured how many cells with at least two forks went into it
 */
public record ForkSpread(double pooledLogVariance, int degreesOfFreedom, double largestForkRatio, int cellsMeasured) {

    /** Prior standard deviation of log fork values (see the class comment for where it was measured). */
    public static final double PRIOR_LOG_SD = 0.15;
    /** Degrees of freedom the prior counts as: the run's own forks outweigh it once 20 repeats are in. */
    public static final int PRIOR_DEGREES = 20;
    /** Repeated cells needed before the robust (median) estimate replaces the prior-weighted mean. */
    public static final int MIN_CELLS_ROBUST = 10;
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
        List<Double> scaled = new ArrayList<>();
        int ownDegrees = 0;
        for (ForkSample sample : samples) {
            if (sample.forks() < 2 || !sample.positive()) {
                continue;
            }
            int nu = sample.forks() - 1;
            weighted += nu * sample.logVariance();
            degrees += nu;
            ownDegrees += nu;
            largest = Math.max(largest, sample.spreadRatio());
            scaled.add(sample.logVariance() / medianOfChiSquaredOverNu(nu));
        }
        if (scaled.size() < MIN_CELLS_ROBUST) {
            return new ForkSpread(weighted / degrees, degrees, largest, scaled.size());
        }
        Collections.sort(scaled);
        int n = scaled.size();
        double median = n % 2 == 1 ? scaled.get(n / 2) : (scaled.get(n / 2 - 1) + scaled.get(n / 2)) / 2;
        return new ForkSpread(median, ownDegrees, largest, n);
    }

    /** The median of χ²(ν)/ν: what a sample variance with ν degrees of freedom is, at its median, of the true one. */
    static double medianOfChiSquaredOverNu(int nu) {
        return ChiSquaredDistribution.of(nu).inverseCumulativeProbability(0.5) / nu;
    }

    /** Whether the robust (median) estimate is in use rather than the prior-weighted mean. */
    public boolean robust() {
        return cellsMeasured >= MIN_CELLS_ROBUST;
    }

    /**
     * The factor a one-fork difference must exceed to count at {@code confidence}: the two-sided t bound of
     * the log difference of two single forks of one cell (sd √2 × the pooled one, the pool's degrees of
     * freedom), and never less than {@link #MIN_SPREAD_FACTOR} (single forks of one 2-thread cell have landed
     * 2.4× apart: copy-on-write, 100 % reads, size 100, Zipf, 270 against 653 ops/µs). Forks in a mode
     * further off than this (9× has been seen) are caught by confirmation, not by this factor: a claim needs
     * two forks a side unless its gap is exempt ({@link VerdictSettings#exemptGap}).
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
        if (robust()) {
            return String.format(Locale.ROOT, "between-fork spread: sd of log fork values %.3f (median over %d cells "
                    + "with 2+ forks), largest fork ratio %.2f×", logSd(), cellsMeasured, largestForkRatio);
        }
        return String.format(Locale.ROOT, "between-fork spread: sd of log fork values %.3f (%d cells with 2+ forks, "
                + "prior %.2f worth %d df), largest fork ratio %.2f×", logSd(), cellsMeasured, PRIOR_LOG_SD,
                PRIOR_DEGREES, largestForkRatio);
    }
}
