package dev.mapbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one chart component of the report: draws any {@link ChartSpec} with JFreeChart, as SVG
 * (JFreeSVG, for the page) or PNG (for slides). Lines with markers, error bars from each point's
 * low/high, and the oversubscribed region shaded.
 */
public final class ChartRenderer {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 640;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 400;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };

    /** The chart as a standalone SVG document; all text in it is XML-escaped by JFreeSVG. */
    public String toSvg(ChartSpec spec) {
        return svg(build(spec));
    }

    /** Writes the chart as SVG (for the page) and PNG (for slides), laying it out once. */
    public void write(ChartSpec spec, Path svgFile, Path pngFile) throws IOException {
        JFreeChart chart = build(spec);
        Files.writeString(svgFile, svg(chart), StandardCharsets.UTF_8);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        } finally {
            graphics.dispose();
        }
        try (var out = Files.newOutputStream(pngFile)) {
            ImageIO.write(image, "png", out);
        }
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument();
    }

    JFreeChart build(ChartSpec spec) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (ChartSpec.Series series : spec.series()) {
            // Two lines may share a name (a param value repeated across benchmarks): keep them apart.
            YIntervalSeries line = new YIntervalSeries(dataset.getSeriesCount() + ":" + series.name(), false, true);
            for (ChartSpec.Point point : series.points()) {
                boolean drawable = Double.isFinite(point.y()) && (!spec.logY() || point.y() > 0)
                    && (spec.xScale() != ChartSpec.XScale.LOG || point.x() > 0);
            if (drawable) {
                    line.add(point.x(), point.y(), finiteOr(point.low(), point.y()), finiteOr(point.high(), point.y()));
                }
            }
            dataset.addSeries(line);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawXError(false);
        renderer.setErrorPaint(null);
        renderer.setCapLength(6);
        renderer.setLegendItemLabelGenerator((data, index) -> spec.series().get(index).name());
        for (int index = 0; index < spec.series().size(); index++) {
            renderer.setSeriesPaint(index, PALETTE[index % PALETTE.length]);
            renderer.setSeriesStroke(index, new BasicStroke(1.6f));
        }
        ValueAxis yAxis = yAxis(spec);
        XYPlot plot = new XYPlot(dataset, xAxis(spec), yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        spec.shadeFromX().ifPresent(from -> plot.addDomainMarker(oversubscribedMarker(from, spec.shadeLabel()), Layer.BACKGROUND));
        JFreeChart chart = new JFreeChart(spec.title(), new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (!spec.subtitle().isBlank()) {
            chart.addSubtitle(new TextTitle(spec.subtitle(), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        return chart;
    }

    private static ValueAxis yAxis(ChartSpec spec) {
        if (spec.logY()) {
            LogAxis axis = new LogAxis(spec.yLabel() + " (log scale)");
            axis.setBase(10);
            axis.setSmallestValue(1e-9);
            // One tick per decade, written as plain numbers (0.1, 1, 10, 1,000).
            axis.setAutoTickUnitSelection(false);
            axis.setTickUnit(new NumberTickUnit(1.0));
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.######"));
            return axis;
        }
        NumberAxis axis = new NumberAxis(spec.yLabel());
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    private static ValueAxis xAxis(ChartSpec spec) {
        switch (spec.xScale()) {
            case LOG: {
                LogAxis axis = new LogAxis(spec.xLabel());
                axis.setBase(10);
                axis.setSmallestValue(1);
                axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
                return axis;
            }
            case CATEGORY: {
                SymbolAxis axis = new SymbolAxis(spec.xLabel(), spec.categories().toArray(String[]::new));
                axis.setGridBandsVisible(false);
                return axis;
            }
            default: {
                NumberAxis axis = new NumberAxis(spec.xLabel());
                axis.setAutoRangeIncludesZero(false);
                if (allIntegers(spec)) {
                    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                }
                return axis;
            }
        }
    }

    private static boolean allIntegers(ChartSpec spec) {
        return spec.series().stream().map(ChartSpec.Series::points).flatMap(List::stream)
                .allMatch(point -> point.x() == Math.rint(point.x()));
    }

    private static IntervalMarker oversubscribedMarker(double from, String label) {
        IntervalMarker marker = new IntervalMarker(from, Double.MAX_VALUE / 4, new Color(0xf3, 0xc6, 0xc6, 0x90));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

}
