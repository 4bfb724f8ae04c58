package dev.mapbench.report.html;

import java.util.Locale;

/** How numbers appear in the HTML report: about four significant digits, non-finite values spelled out. */
final class Format {

    private Format() {
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+∞" : "−∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** "± 1.23", or an empty string when the error is unknown. */
    static String error(double error) {
        return Double.isFinite(error) ? "± " + number(error) : "";
    }

    static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %%", value) : "";
    }
}
