package dev.mapbench.stats;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The two-sided Mann–Whitney U test on fork values (Apache Commons Statistics: exact p-values for the
 * small fork counts mapbench has, the normal approximation beyond them).
 */
public final class RankTest {

    private RankTest() {
    }

    /** The two-sided p-value that {@code a} and {@code b} come from the same distribution. */
    public static double twoSidedP(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return Double.NaN;
        }
        return MannWhitneyUTest.withDefaults().test(a, b).getPValue();
    }

    /**
     * The smallest two-sided p any ordering of n1 + n2 distinct values can give: both extreme orderings
     * out of C(n1 + n2, n1). With 3 + 3 forks it is 0.1, so no test at 0.05 can pass.
     */
    public static double smallestTwoSidedP(int n1, int n2) {
        if (n1 == 0 || n2 == 0) {
            return 1.0;
        }
        return Math.min(1.0, 2.0 / CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, n1));
    }
}
