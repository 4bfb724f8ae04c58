package dev.mapbench.report.model;

import dev.mapbench.stats.MedianInterval;
import dev.mapbench.stats.RatioInterval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;

/**
 * How every number of the report, the comparison and the A/B is printed, for every format (HTML,
 * Markdown, text, chart axes) and for the sentences the analyses write. Each method is one named
 * format; a new place that prints a number picks one of them rather than writing its own.
 *
 * <p>Measured values carry about four significant digits with thousands separators, and anything
 * closer to zero than {@link #TINY} prints as "< 0.001": a reader needs to know it is nothing, not
 * its fifth digit. Non-finite values are spelled out. Everything is in {@link Locale#ROOT}.
 */
public final class Numbers {

    /** Values below this magnitude print as "< 0.001". */
    public static final double TINY = 0.001;

    private Numbers() {
    }

    /** A measured value: {@code 1,234}, {@code 12.35}, {@code 0.0123}, {@code < 0.001}, {@code +∞}. */
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

    /** An error as {@code ± 1.23}, or an empty string when it is unknown. */
    public static String error(double error) {
        return Double.isFinite(error) ? "± " + number(error) : "";
    }

    /**
     * A measured value with its error, {@code 12.35 ± 0.410}; when the whole interval stays below
     * {@link #TINY}, only {@code < 0.001}.
     */
    public static String measured(double value, double error) {
        if (Double.isFinite(value) && Double.isFinite(error) && Math.abs(value) + Math.abs(error) < TINY && value >= 0) {
            return "< 0.001";
        }
        return (number(value) + " " + error(error)).trim();
    }

    /** A median with its interval, {@code 1,235 [1,190, 1,280]}, marked {@code *} below 95 % coverage. */
    public static String median(MedianInterval interval) {
        if (interval.count() == 0) {
            return "-";
        }
        if (interval.count() == 1) {
            return number(interval.median()) + " (1 fork)";
        }
        String mark = interval.coverage() < 0.95 - 1e-9 ? "*" : "";
        return number(interval.median()) + " [" + number(interval.low()) + ", "
                + number(interval.high()) + "]" + mark;
    }

    /** Three significant digits, no exponent, for a heatmap cell: {@code 1,234}, {@code 212}, {@code 45.3}, {@code 0.337}. */
    public static String compact(double value) {
        if (!Double.isFinite(value)) {
            return number(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return number(value);
    }

    /** Two significant digits, thousands grouped, for sentences and legends: 0.0021, 0.31, 4.8, 480, 4,800. */
    public static String twoDigits(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A ratio to the best with three significant digits: {@code 0.970×}, {@code 0.00123×}; {@code ?} when unknown. */
    public static String ratio(double value) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.3g×", value);
    }

    /** A ratio in a sentence, two significant digits: {@code 0.31×}, {@code 0.0021×}. */
    public static String shortRatio(double value) {
        return twoDigits(value) + "×";
    }

    /** A candidate-over-baseline speed ratio with three decimals: {@code 0.987}. */
    public static String speedRatio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A ratio with its interval, {@code 0.512 [0.490, 0.534]}; {@code -} when there is none. */
    public static String ratioInterval(RatioInterval interval) {
        if (interval == null) {
            return "-";
        }
        return speedRatio(interval.ratio()) + " [" + speedRatio(interval.low()) + ", " + speedRatio(interval.high()) + "]";
    }

    /** A signed change in percent, {@code +12.3 %}; {@code n/a} when not defined. */
    public static String signedPercent(double percent) {
        if (!Double.isFinite(percent)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f %%", percent);
    }

    /**
     * A share in percent with one decimal, and more where one decimal would round a rare event away: two
     * significant digits of the share below 1 % and of its complement above 99 % (0.018 %, 99.982 %; never
     * 0.0 % or 100.0 % for a share that is not exactly that); empty when not defined.
     */
    public static String share(double percent) {
        if (!Double.isFinite(percent)) {
            return "";
        }
        double rare = percent > 0 && percent < 1 ? percent : percent > 99 && percent < 100 ? 100 - percent : 0;
        int decimals = rare > 0 ? Math.max(1, 1 - (int) Math.floor(Math.log10(rare))) : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f %%", percent);
    }

    /** A setting as people write it, up to two decimals: {@code 10}, {@code 2.5}, {@code 97.5}. */
    public static String plain(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A p- or q-value, {@code 0.031} or {@code 2.0e-05}; {@code -} when the cell was not tested. */
    public static String probability(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A count or a number of bytes, thousands grouped: {@code 1,234,567}. */
    public static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A value rounded to a whole number, thousands grouped; {@code ?} when not defined. */
    public static String whole(double value) {
        return Double.isFinite(value) ? whole(Math.round(value)) : "?";
    }

    /** One decimal, no grouping: {@code 52.3}. */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Seconds with two decimals: {@code 3.25 s}. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** A wall time: {@code 3 min 05 s}, {@code 1 h 02 min}. */
    public static String duration(double seconds) {
        Duration duration = Duration.ofSeconds(Math.round(seconds));
        return duration.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min", duration.toHours(),
                duration.toMinutesPart()) : String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(),
                duration.toSecondsPart());
    }

    /** A chart axis tick: {@code 0.001}, {@code 2}, {@code 1,000}; beyond 10⁹ or below 10⁻⁶ in E notation. */
    public static String axisTick(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 1e9 || magnitude < 1e-6) {
            return new DecimalFormat("0.##E0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value).replace('E', 'e');
        }
        if (magnitude >= 1) {
            return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
