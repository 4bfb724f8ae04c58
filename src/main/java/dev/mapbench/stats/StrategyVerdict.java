package dev.mapbench.stats;

/**
 * One strategy's verdict in one workload.
 *
 * @param strategy the strategy's name
 * @param status best, equivalent, slower or undecided
 * @param ratioToBest the strategy's speed over the best's (geometric means of fork values; 1 for the best;
 *     for a time-per-operation unit, the best's time over this one's)
 * @param ratioLow lower bound of that ratio's interval (1 for the best)
 * @param ratioHigh upper bound of that ratio's interval (1 for the best)
 * @param forks forks measured
 * @param estimate geometric mean of the fork values, in {@code unit}
 * @param unit the metric's unit, e.g. ops/us
 * @param forksNeeded for an undecided strategy, the estimated forks per side that would decide it (a large
 *     number when the difference is too close to the margin to decide); 0 otherwise
 * @param method how the status was decided, one sentence
 * @param modes how the cell's forks cluster when they fall into modes far apart, e.g. "1 of 5 forks ran 9.4×
 *     slower (a rare mode, set aside: …)"; null when they do not
 * @param forksUsed the forks the verdict rests on (fewer than {@code forks} when a rare mode was set aside)
 */
public record StrategyVerdict(String strategy, VerdictStatus status, double ratioToBest, double ratioLow,
        double ratioHigh, int forks, double estimate, String unit, int forksNeeded, String method, String modes,
        int forksUsed) {

    /** A verdict whose forks all count and fall in one mode. */
    public StrategyVerdict(String strategy, VerdictStatus status, double ratioToBest, double ratioLow,
            double ratioHigh, int forks, double estimate, String unit, int forksNeeded, String method) {
        this(strategy, status, ratioToBest, ratioLow, ratioHigh, forks, estimate, unit, forksNeeded, method, null, forks);
    }

    /** The same verdict with another status, forks estimate and method (ratios, forks and modes kept). */
    public StrategyVerdict withStatus(VerdictStatus otherStatus, int otherForksNeeded, String otherMethod) {
        return new StrategyVerdict(strategy, otherStatus, ratioToBest, ratioLow, ratioHigh, forks, estimate, unit,
                otherForksNeeded, otherMethod, modes, forksUsed);
    }
}
