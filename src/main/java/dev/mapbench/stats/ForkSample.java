package dev.mapbench.stats;

import java.util.Arrays;

/**
 * The forks of one cell: one value per fork, each the mean of that fork's measured iterations.
 *
 * <p>Values are compared on the log scale (ratios are what matter between strategies 1000× apart, and
 * fork noise is multiplicative), so every value must be positive and finite for the log-scale figures.
 */
public final class ForkSample {

    private final double[] values;

    private ForkSample(double[] values) {
        this.values = values;
    }

    /** A sample of the given fork values (copied). */
    public static ForkSample of(double... values) {
        return new ForkSample(values.clone());
    }

    /** The fork values, in fork order. */
    public double[] values() {
        return values.clone();
    }

    /** How many forks. */
    public int forks() {
        return values.length;
    }

    /** Whether every value is positive and finite, so the log-scale figures exist. */
    public boolean positive() {
        return values.length > 0 && Arrays.stream(values).allMatch(v -> v > 0 && Double.isFinite(v));
    }

    /** Mean of the log fork values; NaN when empty or not {@link #positive()}. */
    public double logMean() {
        return positive() ? Arrays.stream(values).map(Math::log).average().orElse(Double.NaN) : Double.NaN;
    }

    /** Sample variance of the log fork values (n - 1 denominator); NaN with fewer than 2 forks. */
    public double logVariance() {
        if (values.length < 2 || !positive()) {
            return Double.NaN;
        }
        double mean = logMean();
        double sum = 0;
        for (double value : values) {
            double deviation = Math.log(value) - mean;
            sum += deviation * deviation;
        }
        return sum / (values.length - 1);
    }

    /** Geometric mean of the fork values: the estimate every ratio is taken between. */
    public double geometricMean() {
        return Math.exp(logMean());
    }

    /** Largest fork value over the smallest (1 for one fork); NaN when not {@link #positive()}. */
    public double spreadRatio() {
        if (!positive()) {
            return Double.NaN;
        }
        return Arrays.stream(values).max().orElseThrow() / Arrays.stream(values).min().orElseThrow();
    }

    /** The sample of the reciprocals: turns a time per operation into a speed. */
    public ForkSample reciprocal() {
        return new ForkSample(Arrays.stream(values).map(v -> 1.0 / v).toArray());
    }

    /** The median with its distribution-free 95 % interval. */
    public MedianInterval median() {
        return MedianInterval.of(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForkSample that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
