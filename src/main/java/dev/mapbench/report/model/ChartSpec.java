package dev.mapbench.report.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What one chart shows, independent of how it is drawn: lines of points (or groups of bars) with error
 * bars, axis labels, and optionally a shaded region of the x axis (threads beyond the core count).
 *
 * @param id file-name-safe identifier, unique within a report
 * @param title the chart title (the page shows it once, in the caption; PNGs for slides draw it)
 * @param subtitle a short line under the title (what is held fixed, how errors are computed)
 * @param xLabel label of the x axis
 * @param yLabel label of the y axis, with its unit
 * @param xScale how x values are laid out
 * @param categories for {@link XScale#CATEGORY}: the label of x = 0, 1, 2, ...; otherwise empty
 * @param series the lines (or, for {@link Kind#BARS}, one bar per category and series)
 * @param shadeFromX where the shaded region starts (e.g. cores + 0.5), or empty for none
 * @param shadeLabel the shaded region's label
 * @param yScale how the y axis is laid out
 * @param kind lines with markers, or grouped bars
 */
public record ChartSpec(
        String id,
        String title,
        String subtitle,
        String xLabel,
        String yLabel,
        XScale xScale,
        List<String> categories,
        List<Series> series,
        OptionalDouble shadeFromX,
        String shadeLabel,
        YScale yScale,
        Kind kind) {

    /** Values spanning more than this factor get a log axis under {@link YScale#AUTO}. */
    public static final double LOG_SPAN = 10;

    /** Copies the lists. */
    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** A line chart whose y axis is chosen from its values ({@link YScale#AUTO}). */
    public ChartSpec(String id, String title, String subtitle, String xLabel, String yLabel, XScale xScale,
            List<String> categories, List<Series> series, OptionalDouble shadeFromX, String shadeLabel) {
        this(id, title, subtitle, xLabel, yLabel, xScale, categories, series, shadeFromX, shadeLabel, YScale.AUTO, Kind.LINES);
    }

    /** A line chart; {@code logY} forces a log axis, otherwise the axis is chosen from the values. */
    public ChartSpec(String id, String title, String subtitle, String xLabel, String yLabel, XScale xScale,
            List<String> categories, List<Series> series, OptionalDouble shadeFromX, String shadeLabel, boolean logY) {
        this(id, title, subtitle, xLabel, yLabel, xScale, categories, series, shadeFromX, shadeLabel,
                logY ? YScale.LOG : YScale.AUTO, Kind.LINES);
    }

    /** How the x axis is laid out. */
    public enum XScale {
        /** Plain numbers (threads, read percent). */
        LINEAR,
        /** Powers of ten apart (map size). */
        LOG,
        /** Named positions, from {@link ChartSpec#categories()}. */
        CATEGORY
    }

    /** How the y axis is laid out. */
    public enum YScale {
        /** Log when every value is positive and they span more than {@link #LOG_SPAN}×, else linear from zero. */
        AUTO,
        /** Linear, never below zero for non-negative values. */
        LINEAR,
        /** Logarithmic, ticks at powers of ten (or 1-2-5 within two decades). */
        LOG
    }

    /** What marks the values. */
    public enum Kind {
        /** Lines with markers and error bars. */
        LINES,
        /** Grouped bars with error bars: one group per category, one bar per series. */
        BARS
    }

    /** A file-name-safe chart id from its parts: lower case letters, digits and dashes. */
    public static String safeId(String... parts) {
        String joined = String.join("-", parts).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return joined.replaceAll("(^-+|-+$)", "");
    }

    /** True when the y axis is drawn logarithmic. */
    public boolean logY() {
        return switch (yScale) {
            case LOG -> true;
            case LINEAR -> false;
            case AUTO -> spans(LOG_SPAN);
        };
    }

    /** True when the drawable values are all positive and max / min exceeds {@code factor}. */
    boolean spans(double factor) {
        double[] values = series.stream().flatMap(line -> line.points().stream()).mapToDouble(Point::y)
                .filter(Double::isFinite).toArray();
        if (values.length == 0 || Arrays.stream(values).anyMatch(value -> value <= 0)) {
            return false;
        }
        return Arrays.stream(values).max().getAsDouble() / Arrays.stream(values).min().getAsDouble() > factor;
    }

    /** The same chart with another y scale. */
    public ChartSpec withYScale(YScale scale) {
        return new ChartSpec(id, title, subtitle, xLabel, yLabel, xScale, categories, series, shadeFromX, shadeLabel, scale, kind);
    }

    /** The same chart drawn as grouped bars over its categories. */
    public ChartSpec asBars() {
        return new ChartSpec(id, title, subtitle, xLabel, yLabel, XScale.CATEGORY, categories, series, shadeFromX,
                shadeLabel, yScale, Kind.BARS);
    }

    /**
     * One line of a chart.
     *
     * @param name the legend's text
     * @param points the points, in x order
     * @param styleKey what picks its colour and marker ({@link StrategyPalette}): the strategy's name,
     *     so a strategy looks the same in every chart; for other series the name itself
     * @param secondary whether it is a strategy's second figure in the same chart (writes beside reads):
     *     drawn with a hollow marker and a dotted line in the strategy's colour
     */
    public record Series(String name, List<Point> points, String styleKey, boolean secondary) {

        /** Copies the points. */
        public Series {
            points = List.copyOf(points);
        }

        /** A series styled by its own name. */
        public Series(String name, List<Point> points) {
            this(name, points, name, false);
        }
    }

    /**
     * One measured point: y with its error bar from {@code low} to {@code high} (both equal to y
     * when the error is unknown).
     */
    public record Point(double x, double y, double low, double high) {

        /** A point whose error bar is y ± error; an unknown (NaN) error draws no bar. */
        public static Point withError(double x, double y, double error) {
            return Double.isFinite(error) ? new Point(x, y, y - error, y + error) : new Point(x, y, y, y);
        }
    }
}
