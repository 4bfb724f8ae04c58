package dev.mapbench.compare;

import dev.mapbench.report.model.StrategySummary;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.Numbers;

/** Cell words shared by the comparison's and the A/B's renderers. */
public final class CellFormat {

    private CellFormat() {
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
        return "x" + Numbers.speedRatio(summary.geometricMeanRatio()) + " ("
                + Numbers.signedPercent(summary.changePercent()) + ")";
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
