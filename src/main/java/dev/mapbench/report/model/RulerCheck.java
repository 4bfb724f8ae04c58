package dev.mapbench.report.model;

import dev.mapbench.stats.MedianInterval;
import dev.mapbench.stats.RatioInterval;

/**
 * One calibration cell (bare {@code HashMap.get} or {@code ConcurrentHashMap.get}) measured on both sides
 * of an A/B: the same code, so any difference beyond noise is the machine.
 *
 * @param shard the shard (machine) it was measured on, {@code 1/1} for a single A/B
 * @param cell the calibration cell
 * @param baseline median of the baseline forks with its interval
 * @param candidate median of the candidate forks with its interval
 * @param ratio candidate over baseline speed (geometric fork means) with its interval, or null when a
 *     side had no positive forks
 * @param pValue exact two-sided Mann–Whitney p on the fork values, NaN when not testable
 * @param qValue Benjamini–Hochberg-adjusted across the ruler cells
 * @param unstable whether this ruler cell differs between the sides beyond noise
 * @param reason why it counts as unstable, or what it showed
 */
public record RulerCheck(String shard, String cell, MedianInterval baseline, MedianInterval candidate,
        RatioInterval ratio, double pValue, double qValue, boolean unstable, String reason) {
}
