package dev.mapbench.report.chart;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What one chart shows, independent of how it is drawn: lines of points with error bars, axis
 * labels, and optionally a shaded region of the x axis (threads beyond the core count).
 *
 * @param id file-name-safe identifier, unique within a report
 * @param title the chart title
 * @param subtitle a short line under the title (what is held fixed, how errors are computed)
 * @param xLabel label of the x axis
 * @param yLabel label of the y axis, with its unit
 * @param xScale how x values are laid out
 * @param categories for {@link XScale#CATEGORY}: the label of x = 0, 1, 2, ...; otherwise empty
 * @param series the lines
 * @param shadeFromX where the shaded region starts (e.g. cores + 0.5), or empty for none
 * @param shadeLabel the shaded region's label
 * @param logY whether the y axis is logarithmic (latency percentiles span decades)
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
        boolean logY) {

    /** Copies the lists. */
    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** A chart with a linear y axis. */
    public ChartSpec(String id, String title, String subtitle, String xLabel, String yLabel, XScale xScale,
            List<String> categories, List<Series> series, OptionalDouble shadeFromX, String shadeLabel) {
        this(id, title, subtitle, xLabel, yLabel, xScale, categories, series, shadeFromX, shadeLabel, false);
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

    /** One line of a chart. */
    public record Series(String name, List<Point> points) {

        /** Copies the points. */
        public Series {
            points = List.copyOf(points);
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
