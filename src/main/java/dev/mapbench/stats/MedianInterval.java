package dev.mapbench.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of per-fork values with a distribution-free confidence interval from order statistics.
 *
 * <p>For n sorted values x(1)..x(n), the interval [x(k), x(n+1-k)] contains the true median with
 * probability 1 - 2 P(Bin(n, 1/2) &le; k - 1), whatever the distribution. We take the narrowest
 * such interval whose coverage reaches the requested level; when even [min, max] cannot (fewer than
 * 6 values for 95 %), we return [min, max] and its lower, achieved coverage, so the output never
 * claims more confidence than the data give.
 *
 * @param median the sample median
 * @param low lower bound of the interval
 * @param high upper bound of the interval
 * @param coverage the interval's achieved coverage (0..1); NaN for an empty sample
 * @param count how many values (forks) it was computed from
 */
public record MedianInterval(double median, double low, double high, double coverage, int count) {

    /** The 95 % order-statistic interval of {@code values}. */
    public static MedianInterval of(double[] values) {
        return of(values, 0.95);
    }

    /** The order-statistic interval of {@code values} at the requested confidence level. */
    public static MedianInterval of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            return new MedianInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        BinomialDistribution forkSides = new BinomialDistribution(null, n, 0.5);
        int k = 1; // 1-based rank of the lower bound; k = 1 is [min, max]
        while (k + 1 <= (n + 1) / 2 && coverage(forkSides, k + 1) >= confidence) {
            k++;
        }
        return new MedianInterval(median, sorted[k - 1], sorted[n - k], coverage(forkSides, k), n);
    }

    private static double coverage(BinomialDistribution forkSides, int k) {
        return Math.max(0.0, 1.0 - 2.0 * forkSides.cumulativeProbability(k - 1));
    }

    /** Half the interval's width relative to the median, in percent (a quick "± x %"). */
    public double halfWidthPercent() {
        return 100.0 * (high - low) / 2.0 / Math.abs(median);
    }
}
