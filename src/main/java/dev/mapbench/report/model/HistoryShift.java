package dev.mapbench.report.model;

/**
 * A marked point of a cell metric's nightly history: the night {@code after} moved from {@code before}.
 *
 * @param before the previous night
 * @param after the night that shifted
 * @param changePercent the median's change from {@code before} to {@code after}, in percent
 * @param reason why it is marked ({@code median CIs disjoint}, {@code environment changed})
 */
public record HistoryShift(HistoryRow before, HistoryRow after, double changePercent, String reason) {
}
