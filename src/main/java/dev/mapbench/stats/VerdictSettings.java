package dev.mapbench.stats;

/**
 * The settings verdicts are decided with.
 *
 * @param margin equivalence margin as a fraction: equivalent means shown within [1 - margin, 1 + margin] of
 *     the best (default 0.10)
 * @param alpha family-wise error per workload: each of the workload's k comparisons with the best makes
 *     one-sided claims at alpha / k, read off a two-sided 1 - 2 alpha / k interval (Bonferroni; default 0.05)
 * @param minForks forks each side needs before the t interval is used; fewer use the spread rule
 *     (default 3: two forks that landed in one mode of a bimodal cell must not carry a decision)
 * @param priorDegrees weight, in degrees of freedom, of the run's pooled fork variance in each cell's
 *     moderated variance (default 4)
 * @param confirm whether claims need confirmation (default true): a strategy is shown slower only with at
 *     least {@link #CONFIRMING_FORKS} forks on each side, unless it is at least {@link #MIN_EXEMPT_GAP}× (or
 *     twice the run's largest fork ratio) behind, and a cell whose forks disagree ({@link ForkModes}) decides
 *     nothing until more forks tell a rare mode from a common one; false is the rule before that, kept to
 *     judge old runs and to count what confirmation changed
 */
public record VerdictSettings(double margin, double alpha, int minForks, int priorDegrees, boolean confirm) {

    /** Forks each side of a "slower" claim needs, unless the gap is exempt. */
    public static final int CONFIRMING_FORKS = 2;
    /**
     * The narrowest gap that needs no second fork: 20×, twice the widest fork ratio seen on this machine (a
     * fork in a steady mode 9× below its cell's others). A run whose own forks spread wider raises it to
     * twice its largest fork ratio ({@link #exemptGap(ForkSpread)}).
     */
    public static final double MIN_EXEMPT_GAP = 20.0;

    /** Validates the ranges, so a typo in a setting fails loudly. */
    public VerdictSettings {
        if (!(margin > 0 && margin < 1)) {
            throw new IllegalArgumentException("equivalence margin must be in (0, 1), got " + margin);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (minForks < 2) {
            throw new IllegalArgumentException("a t interval needs at least 2 forks a side, got " + minForks);
        }
        if (priorDegrees < 0) {
            throw new IllegalArgumentException("prior degrees of freedom must be >= 0, got " + priorDegrees);
        }
    }

    /**
     * Margin 10 %, alpha 0.05, t interval from 3 forks a side, prior worth 4 degrees of freedom, claims
     * confirmed.
     */
    public static VerdictSettings defaults() {
        return new VerdictSettings(0.10, 0.05, 3, 4, true);
    }

    /** The same settings with another margin. */
    public VerdictSettings withMargin(double otherMargin) {
        return new VerdictSettings(otherMargin, alpha, minForks, priorDegrees, confirm);
    }

    /** The same settings without confirmation: the rule single-fork claims were made by before it. */
    public VerdictSettings withoutConfirmation() {
        return new VerdictSettings(margin, alpha, minForks, priorDegrees, false);
    }

    /**
     * The gap beyond which a one-fork "slower" needs no second fork in a run with this spread: at least
     * {@link #MIN_EXEMPT_GAP}, and twice the largest fork ratio the run has measured in one cell.
     */
    public double exemptGap(ForkSpread spread) {
        return Math.max(MIN_EXEMPT_GAP, 2 * spread.largestForkRatio());
    }

    /**
     * The two-sided coverage of each interval when a workload makes {@code comparisons} comparisons:
     * 1 - 2 alpha / k. Every claim a verdict makes is one-sided: "slower" is the claim that the ratio is
     * below 1 (the interval's upper end), "equivalent" the two one-sided claims that it is above 1 - margin
     * and below 1 + margin (Schuirmann's two one-sided tests). Each is then made at error alpha / k, and
     * Bonferroni keeps the workload's family-wise error at alpha; a 1 - alpha / k two-sided interval would
     * spend half of alpha on a side no claim uses.
     */
    public double confidence(int comparisons) {
        return 1 - 2 * alpha / Math.max(1, comparisons);
    }

    /**
     * The coverage the spread rule (fewer than {@link #minForks} forks a side) is taken at: 1 - alpha / k,
     * how far apart two single forks of one cell land in either direction. A single fork brings no variance
     * of its own, so its comparisons keep the wider, two-sided bound.
     */
    public double spreadRuleConfidence(int comparisons) {
        return 1 - alpha / Math.max(1, comparisons);
    }
}
