package dev.mapbench.compare;

import dev.mapbench.stats.MedianInterval;
import dev.mapbench.stats.RatioInterval;
import java.util.Locale;

/** Number and cell formatting shared by the comparison's and the A/B's renderers. */
public final class CellFormat {

    private CellFormat() {
    }

    /** A value with about four significant digits, without exponent for everyday magnitudes. */
    public static String value(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        if (magnitude >= 0.001) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return String.format(Locale.ROOT, "%.2e", value);
    }

    /** {@code median [low, high]}, with {@code *} when the interval's coverage is below 95 %. */
    public static String median(MedianInterval interval) {
        if (interval.count() == 0) {
            return "-";
        }
        if (interval.count() == 1) {
            return value(interval.median()) + " (1 fork)";
        }
        String mark = interval.coverage() < 0.95 - 1e-9 ? "*" : "";
        return value(interval.median()) + " [" + value(interval.low()) + ", " + value(interval.high()) + "]" + mark;
    }

    /** A ratio with its interval, e.g. {@code 0.512 [0.490, 0.534]}, or {@code -} when there is none. */
    public static String ratio(RatioInterval interval) {
        if (interval == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", interval.ratio(), interval.low(), interval.high());
    }

    /** A signed percent change, e.g. {@code +12.3 %}. */
    public static String percent(double percent) {
        if (!Double.isFinite(percent)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /** A p- or q-value, or {@code -} when the cell was not tested. */
    public static String probability(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** The verdict with the reason the gate ignores the cell, when it does. */
    public static String verdict(CellComparison cell) {
        String label = cell.verdict().label();
        return cell.notGatedReason() == null ? label : label + " (not gated: " + cell.notGatedReason() + ")";
    }

    /** Where a cell's two sides were measured: one origin when they agree, else both. */
    public static String origin(CellComparison cell) {
        String base = cell.baseline().origin().isEmpty() ? "unknown" : cell.baseline().origin();
        String cand = cell.candidate().origin().isEmpty() ? "unknown" : cell.candidate().origin();
        return base.equals(cand) ? base : "baseline " + base + "; candidate " + cand;
    }

    /** The strategy summary's ratio, e.g. {@code x0.76 (-24.0 %)}. */
    public static String ratio(StrategySummary summary) {
        if (!Double.isFinite(summary.geometricMeanRatio())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "x%.3f (%s)", summary.geometricMeanRatio(),
                percent(summary.changePercent()));
    }

    /** The one-line outcome of the gate. */
    public static String outcome(Comparison comparison) {
        int regressions = comparison.regressions().size();
        String notGated = comparison.notGated().isEmpty() ? "none not gated"
                : comparison.notGated().size() + " not gated: " + comparison.notGatedByReason().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        String counts = " (" + comparison.cells().size() + " cell metrics compared, " + notGated + ")";
        if (regressions == 0) {
            return "RESULT: no regression" + counts;
        }
        return "RESULT: REGRESSION in " + regressions + " cell metric" + (regressions == 1 ? "" : "s") + counts;
    }
}
