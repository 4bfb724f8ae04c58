package dev.mapbench.runner;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines: cell i of N, elapsed, estimated time left.
 *
 * <p>The estimate is the effort's planned seconds per cell until a cell has finished, then the mean
 * wall time of the cells this process finished, times the cells left.
 */
final class Progress {

    private final int total;
    private final double plannedSecondsPerCell;
    private final long startNanos;
    private int measured;
    private double measuredSeconds;

    Progress(int total, double plannedSecondsPerCell, long startNanos) {
        this.total = total;
        this.plannedSecondsPerCell = plannedSecondsPerCell;
        this.startNanos = startNanos;
    }

    /** Records that a cell took {@code seconds}. */
    void finished(double seconds) {
        measured++;
        measuredSeconds += seconds;
    }

    /** Seconds the remaining {@code cellsLeft} cells are expected to take. */
    double secondsLeft(int cellsLeft) {
        double perCell = measured == 0 ? plannedSecondsPerCell : measuredSeconds / measured;
        return perCell * cellsLeft;
    }

    /** The line printed before cell number {@code ordinal} (1-based) starts. */
    String line(int ordinal, Cell cell, int cores, long nowNanos) {
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        int cellsLeft = total - ordinal + 1;
        return String.format(Locale.ROOT, "[cell %d of %d | elapsed %s | ~%s left] %s", ordinal, total,
                clock(elapsed.toSeconds()), clock(Math.round(secondsLeft(cellsLeft))), cell.describe(cores));
    }

    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
