package dev.mapbench.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a log axis puts its ticks and how it labels them: at powers of ten (1-2-5 when the axis spans
 * two decades or less), labelled by {@link dev.mapbench.report.model.Numbers#axisTick} as plain numbers a reader
 * does not have to decode (0.001, 10, 1,000).
 */
final class Ticks {

    private Ticks() {
    }

    /** The smallest power of ten at or below {@code value}. */
    static double decadeBelow(double value) {
        return Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
    }

    /** The smallest power of ten at or above {@code value}. */
    static double decadeAbove(double value) {
        return Math.pow(10, Math.ceil(Math.log10(value) - 1e-9));
    }

    /** Tick values between {@code lower} and {@code upper} (both positive), ascending. */
    static List<Double> logTicks(double lower, double upper) {
        double decades = Math.log10(upper / lower);
        double[] steps = decades <= 2.0001 ? new double[] {1, 2, 5} : new double[] {1};
        int every = decades > 10 ? 2 : 1;
        List<Double> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lower) + 1e-9);
        int last = (int) Math.ceil(Math.log10(upper) - 1e-9);
        for (int exponent = first; exponent <= last; exponent++) {
            if ((exponent - first) % every != 0) {
                continue;
            }
            for (double step : steps) {
                double value = step * Math.pow(10, exponent);
                if (value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9)) {
                    ticks.add(value);
                }
            }
        }
        return ticks;
    }
}
