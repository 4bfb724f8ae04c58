package dev.mapbench.report.model;

import dev.mapbench.stats.MedianInterval;
import java.util.Optional;

/**
 * The comparison of one metric of one cell between baseline and candidate.
 *
 * @param baseline the baseline's per-fork values
 * @param candidate the candidate's per-fork values
 * @param direction which way is better for the unit
 * @param baselineMedian median and CI of the baseline forks
 * @param candidateMedian median and CI of the candidate forks
 * @param changePercent (candidate - baseline) / baseline of the medians, in percent
 * @param pValue two-sided Mann–Whitney U p-value, NaN when the cell was not tested
 * @param qValue Benjamini–Hochberg-adjusted p-value across the grid, NaN when not tested
 * @param verdict what the output says about the change
 * @param notGatedReason why the gate ignores this cell, or null when it is gated
 */
public record CellComparison(
        CellSample baseline,
        CellSample candidate,
        MetricDirection direction,
        MedianInterval baselineMedian,
        MedianInterval candidateMedian,
        double changePercent,
        double pValue,
        double qValue,
        Verdict verdict,
        String notGatedReason) {

    /** What a cell's change amounts to. */
    public enum Verdict {
        /** Significant and at least the minimum effect, on a gated cell: fails the gate. */
        REGRESSION("REGRESSION"),
        /** Significantly worse, but below the minimum effect or on a cell that is not gated. */
        WORSE("worse"),
        /** Significantly better. */
        BETTER("better"),
        /** No significant change: printed as {@code ~}. */
        NO_CHANGE("~"),
        /** No test was possible (too few forks, unknown unit). */
        UNTESTED("untested");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** How the verdict is printed. */
        public String label() {
            return label;
        }
    }

    /** The cell's readable identity. */
    public String cell() {
        return baseline.cell();
    }

    /** The metric compared ({@code score} or a secondary metric's name). */
    public String metric() {
        return baseline.metric();
    }

    /** The strategy group of the cell. */
    public String strategy() {
        return baseline.strategy();
    }

    /** The unit of both sides. */
    public String unit() {
        return baseline.unit();
    }

    /** The verdict with the reason the gate ignores the cell, when it does: {@code ~ (not gated: ...)}. */
    public String verdictText() {
        String label = verdict.label();
        return notGatedReason == null ? label : label + " (not gated: " + notGatedReason + ")";
    }

    /** Where the cell's two sides were measured: one origin when they agree, else both. */
    public String originText() {
        String base = baseline.origin().isEmpty() ? "unknown" : baseline.origin();
        String cand = candidate.origin().isEmpty() ? "unknown" : candidate.origin();
        return base.equals(cand) ? base : "baseline " + base + "; candidate " + cand;
    }

    /** True when this cell fails the gate. */
    public boolean regression() {
        return verdict == Verdict.REGRESSION;
    }

    /** Why the gate ignores this cell, if it does. */
    public Optional<String> notGated() {
        return Optional.ofNullable(notGatedReason);
    }

    /** Candidate over baseline in the "better" direction (above 1 is better), NaN if not defined. */
    public double speedRatio() {
        double base = baselineMedian.median();
        double cand = candidateMedian.median();
        if (!(base > 0 && cand > 0)) {
            return Double.NaN;
        }
        return switch (direction) {
            case HIGHER_IS_BETTER -> cand / base;
            case LOWER_IS_BETTER -> base / cand;
            default -> Double.NaN;
        };
    }
}
