package dev.mapbench.report.html;

import java.util.Locale;

/**
 * How numbers appear in the HTML report: about four significant digits with thousands separators,
 * anything closer to zero than {@link #TINY} as "< 0.001" (a reader needs to know it is nothing, not
 * its fifth digit), non-finite values spelled out.
 */
public final class Format {

    /** Values below this magnitude print as "< 0.001". */
    public static final double TINY = 0.001;

    private Format() {
    }

    /** A number for people: {@code 1,234}, {@code 12.35}, {@code 0.0123}, {@code < 0.001}. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+∞" : "−∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude < TINY) {
            return value > 0 ? "< 0.001" : "> −0.001";
        }
        if (magnitude >= 1e12) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        if (magnitude < 0.01) {
            return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        }
        int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** "± 1.23", or an empty string when the error is unknown. */
    public static String error(double error) {
        return Double.isFinite(error) ? "± " + number(error) : "";
    }

    /**
     * A measured value with its error: {@code 12.35 ± 0.41}; when the whole interval stays below
     * {@link #TINY}, only {@code < 0.001}.
     */
    public static String measured(double value, double error) {
        if (Double.isFinite(value) && Double.isFinite(error) && Math.abs(value) + Math.abs(error) < TINY && value >= 0) {
            return "< 0.001";
        }
        return (number(value) + " " + error(error)).trim();
    }

    static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f %%", value) : "";
    }
}
