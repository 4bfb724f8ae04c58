package dev.mapbench.report.model;

/**
 * The geometric mean of the candidate-over-baseline speed ratios of one strategy's cells (primary
 * metric only; above 1 is faster), with how many of its cells regressed.
 *
 * @param strategy the strategy (or benchmark) the cells belong to
 * @param cells how many matched cells entered the mean
 * @param geometricMeanRatio the geometric mean of the per-cell speed ratios
 * @param regressions how many of its cells (any metric) fail the gate
 * @param significantlyWorse how many of its cells are significantly worse (gated or not)
 */
public record StrategySummary(String strategy, int cells, double geometricMeanRatio, int regressions,
        int significantlyWorse) {

    /** The mean ratio and its change, as every format prints it: {@code x0.760 (-24.0 %)}; {@code n/a} when undefined. */
    public String speedText() {
        if (!Double.isFinite(geometricMeanRatio)) {
            return "n/a";
        }
        return "x" + Numbers.speedRatio(geometricMeanRatio) + " (" + Numbers.signedPercent(changePercent()) + ")";
    }

    /** The mean ratio as a signed percent: +5 means 5 % faster on average. */
    public double changePercent() {
        return 100.0 * (geometricMeanRatio - 1.0);
    }
}
