package dev.mapbench.stats;

import java.util.Locale;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The ratio of two cells' geometric fork means, {@code a / b}, with an interval that rests on fork
 * values only, never on the iterations inside a fork.
 *
 * <p>Two methods, chosen by the number of forks:
 * <ul>
 *   <li>{@link Method#MODERATED_T} (both sides have at least {@code minForks}): Welch's t interval on the
 *       difference of log means; each side's variance is moderated toward the run's pooled between-fork
 *       variance ({@link ForkSpread#moderatedVariance}), and its degrees of freedom are its own plus the
 *       prior's, combined by Welch–Satterthwaite.</li>
 *   <li>{@link Method#SPREAD_RULE} (fewer forks): the interval is the ratio divided and multiplied by the
 *       run's {@link ForkSpread#spreadFactor(double)} (at least 2), so a difference counts only when it is
 *       larger than two forks of one cell can differ by, by the run's own between-fork spread.</li>
 * </ul>
 *
 * @param ratio geometric mean of a over geometric mean of b
 * @param low lower bound
 * @param high upper bound
 * @param confidence the interval's nominal coverage (for the spread rule: the coverage asked for; the rule
 *     covers whatever two forks of one cell have done in this run)
 * @param method how the interval was made
 * @param forksA forks of a
 * @param forksB forks of b
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom (NaN for the spread rule)
 */
public record RatioInterval(double ratio, double low, double high, double confidence, Method method, int forksA,
        int forksB, double degreesOfFreedom) {

    /** How an interval was made. */
    public enum Method {
        /** Welch's t on log fork values with moderated variances. */
        MODERATED_T,
        /** Too few forks: the ratio times and over the largest measured fork spread. */
        SPREAD_RULE
    }

    /**
     * The interval of {@code a / b}.
     *
     * @param confidence two-sided coverage, e.g. 0.99
     * @param minForks forks each side needs for the t interval; fewer use the spread rule
     * @param priorDegrees weight of the pooled variance in each side's moderated variance
     */
    public static RatioInterval of(ForkSample a, ForkSample b, ForkSpread spread, double confidence, int minForks,
            int priorDegrees) {
        if (!a.positive() || !b.positive()) {
            throw new IllegalArgumentException("ratio needs positive finite fork values, got " + a + " and " + b);
        }
        double logRatio = a.logMean() - b.logMean();
        double ratio = Math.exp(logRatio);
        if (a.forks() < minForks || b.forks() < minForks) {
            double factor = spread.spreadFactor(confidence);
            return new RatioInterval(ratio, ratio / factor, ratio * factor, confidence, Method.SPREAD_RULE, a.forks(),
                    b.forks(), Double.NaN);
        }
        double varianceA = spread.moderatedVariance(a, priorDegrees) / a.forks();
        double varianceB = spread.moderatedVariance(b, priorDegrees) / b.forks();
        double degreesA = priorDegrees + a.forks() - 1;
        double degreesB = priorDegrees + b.forks() - 1;
        double degrees = welchSatterthwaite(varianceA, degreesA, varianceB, degreesB);
        double halfWidth = tQuantile(confidence, degrees) * Math.sqrt(varianceA + varianceB);
        return new RatioInterval(ratio, Math.exp(logRatio - halfWidth), Math.exp(logRatio + halfWidth), confidence,
                Method.MODERATED_T, a.forks(), b.forks(), degrees);
    }

    static double welchSatterthwaite(double varianceA, double degreesA, double varianceB, double degreesB) {
        double sum = varianceA + varianceB;
        if (sum == 0) {
            return degreesA + degreesB;
        }
        return sum * sum / (varianceA * varianceA / degreesA + varianceB * varianceB / degreesB);
    }

    /** The two-sided t quantile for {@code confidence} at {@code degrees} degrees of freedom. */
    static double tQuantile(double confidence, double degrees) {
        return TDistribution.of(degrees).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** Whether the whole interval lies below 1: a is shown smaller than b. */
    public boolean below1() {
        return high < 1;
    }

    /** Whether the whole interval lies inside [1 - margin, 1 + margin]. */
    public boolean within(double margin) {
        return low >= 1 - margin && high <= 1 + margin;
    }

    /** Half the interval's width on the log scale. */
    public double logHalfWidth() {
        return (Math.log(high) - Math.log(low)) / 2;
    }

    /** How the interval was made, in one sentence for outputs. */
    public String describe() {
        if (method == Method.SPREAD_RULE) {
            return String.format(Locale.ROOT, "%d vs %d forks: too few to test; counts only beyond %.2f×, how far "
                    + "two forks of one cell can land apart by this run's between-fork spread (at least 2×)", forksA,
                    forksB, Math.sqrt(high / low));
        }
        return String.format(Locale.ROOT, "Welch t on log fork values, variance moderated with the run's fork "
                + "spread, %s %% interval, %d vs %d forks", trim(confidence * 100), forksA, forksB);
    }

    private static String trim(double percent) {
        return percent == Math.rint(percent) ? Long.toString(Math.round(percent))
                : String.format(Locale.ROOT, "%.2f", percent).replaceAll("0+$", "");
    }
}
