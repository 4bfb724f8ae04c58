package dev.mapbench.report;

import dev.mapbench.results.Metric;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Decides whether two cells' scores differ, and says how it decided.
 *
 * <p>With at least {@value #MIN_FORKS_FOR_RANK_TEST} forks on each side: a two-sided Mann–Whitney U
 * test (commons-math3, normal approximation) on the per-fork means, significant when p &lt;
 * {@value #ALPHA}; forks are the independent repetitions, iterations within a fork are not. With
 * fewer forks the rank test has too little power to mean anything, so: significant when JMH's 99.9 %
 * confidence intervals do not overlap. Without an error estimate (one iteration) nothing is
 * significant.
 */
public final class Significance {

    /** Forks per side needed before the rank test is used. */
    public static final int MIN_FORKS_FOR_RANK_TEST = 5;
    /** The rank test's significance level. */
    public static final double ALPHA = 0.05;

    private Significance() {
    }

    /** The outcome and the sentence that explains it. */
    public record Decision(boolean significant, String method) {
    }

    /** Compares two metrics of the same unit. */
    public static Decision decide(Metric first, Metric second) {
        double[] firstForks = first.forkMeans();
        double[] secondForks = second.forkMeans();
        if (firstForks.length >= MIN_FORKS_FOR_RANK_TEST && secondForks.length >= MIN_FORKS_FOR_RANK_TEST) {
            double p = new MannWhitneyUTest().mannWhitneyUTest(firstForks, secondForks);
            return new Decision(p < ALPHA, String.format(java.util.Locale.ROOT,
                    "Mann–Whitney U on per-fork means, p = %.3g (%d vs %d forks)", p, firstForks.length, secondForks.length));
        }
        if (!first.hasFiniteError() || !second.hasFiniteError()) {
            return new Decision(false, "no error estimate (too few iterations)");
        }
        boolean disjoint = first.confidenceLow() > second.confidenceHigh() || second.confidenceLow() > first.confidenceHigh();
        return new Decision(disjoint, disjoint ? "99.9 % CIs do not overlap" : "99.9 % CIs overlap");
    }
}
