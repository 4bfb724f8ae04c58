package dev.mapbench.report.model;

import java.util.Locale;

/** Which way is better for a metric, decided from its JMH unit. */
public enum MetricDirection {
    /** Operations per time ({@code ops/s}, {@code ops/us}, ...): a larger value is better. */
    HIGHER_IS_BETTER,
    /** Time per operation ({@code ns/op}, {@code us/op}, ...): a smaller value is better. */
    LOWER_IS_BETTER,
    /** Bytes allocated per operation ({@code B/op}): smaller is better, and it is nearly deterministic. */
    BYTES_PER_OP,
    /** A unit the comparison does not know: reported, never gated. */
    UNKNOWN;

    /** The direction for a JMH unit such as {@code ops/us}, {@code ns/op} or {@code B/op}. */
    public static MetricDirection fromUnit(String unit) {
        String normalized = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("b/op")) {
            return BYTES_PER_OP;
        }
        if (normalized.startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        if (normalized.endsWith("/op") && normalized.matches("(ns|us|µs|ms|s|min|m|h)/op")) {
            return LOWER_IS_BETTER;
        }
        return UNKNOWN;
    }

    /**
     * How much worse the candidate is, in percent of the baseline: positive means worse in this
     * direction (slower, or more bytes), negative means better. NaN for an unknown direction.
     */
    public double worseningPercent(double baseline, double candidate) {
        double change = 100.0 * (candidate - baseline) / baseline;
        return switch (this) {
            case HIGHER_IS_BETTER -> -change;
            case LOWER_IS_BETTER, BYTES_PER_OP -> change;
            case UNKNOWN -> Double.NaN;
        };
    }
}
