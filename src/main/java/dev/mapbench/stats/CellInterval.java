package dev.mapbench.stats;

/**
 * One cell's value with the fork-level interval the verdicts rest on, as the charts draw it: the geometric
 * mean of the forks a verdict uses ({@link ForkModes}: a rare mode set aside) with a t interval on their log
 * values, the cell's variance moderated toward the run's between-fork spread as in {@link RatioInterval}. A
 * single fork has no variance of its own and gets the run's: the interval then says how far another fork of
 * the cell could land. Never JMH's within-fork error, which cannot show the spread between forks.
 *
 * @param estimate geometric mean of the forks used
 * @param low lower bound
 * @param high upper bound
 * @param confidence two-sided coverage
 * @param forks forks used
 */
public record CellInterval(double estimate, double low, double high, double confidence, int forks) {

    /** Two-sided coverage of the charts' error bars. */
    public static final double CHART_CONFIDENCE = 0.95;

    /** The interval of {@code forks} (positive values) under {@code spread}; NaN bounds without usable forks. */
    public static CellInterval of(ForkSample forks, ForkSpread spread, VerdictSettings settings, double confidence) {
        if (!forks.positive()) {
            return new CellInterval(Double.NaN, Double.NaN, Double.NaN, confidence, forks.forks());
        }
        ForkSample used = settings.confirm()
                ? ForkModes.of(forks, spread.spreadFactor(settings.spreadRuleConfidence(1))).sample() : forks;
        double variance = spread.moderatedVariance(used, settings.priorDegrees()) / used.forks();
        double degrees = used.forks() > 1 ? settings.priorDegrees() + used.forks() - 1 : spread.degreesOfFreedom();
        double halfWidth = RatioInterval.tQuantile(confidence, Math.max(1, degrees)) * Math.sqrt(variance);
        double logMean = used.logMean();
        return new CellInterval(Math.exp(logMean), Math.exp(logMean - halfWidth), Math.exp(logMean + halfWidth),
                confidence, used.forks());
    }
}
