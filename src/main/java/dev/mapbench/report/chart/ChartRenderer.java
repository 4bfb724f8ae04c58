package dev.mapbench.report.chart;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.SeriesStyle;
import dev.mapbench.report.model.StrategyPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one chart component of the report: draws any {@link ChartSpec} with JFreeChart, as SVG
 * (JFreeSVG, for the page) and, on request, PNG (for slides). Lines with markers or grouped bars,
 * error bars from each point's low/high, the oversubscribed region shaded, each series in its
 * {@link StrategyPalette} style. The SVG carries no title: the page prints it once, in the caption;
 * the PNG, which travels alone, draws title and subtitle.
 */
public final class ChartRenderer {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 640;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 400;
    /** PNGs are drawn at this multiple of the page size, sharp enough for a projector. */
    static final int PNG_SCALE = 2;

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final StrategyPalette palette;

    /** A renderer that styles series with {@code palette}. */
    public ChartRenderer(StrategyPalette palette) {
        this.palette = palette;
    }

    /** A renderer with the fixed strategy styles only (other names get the first free style). */
    public ChartRenderer() {
        this(StrategyPalette.forKeys(List.of()));
    }

    /** The chart as a standalone SVG document, without title; all text in it is XML-escaped by JFreeSVG. */
    public String toSvg(ChartSpec spec) {
        return svg(build(spec, false));
    }

    /** Writes the chart as SVG (for the page) and, when {@code pngFile} is given, PNG (for slides). */
    public void write(ChartSpec spec, Path svgFile, Optional<Path> pngFile) throws IOException {
        Files.writeString(svgFile, svg(build(spec, false)), StandardCharsets.UTF_8);
        if (pngFile.isPresent()) {
            writePng(build(spec, true), pngFile.get());
        }
    }

    /** Writes the chart as SVG and PNG. */
    public void write(ChartSpec spec, Path svgFile, Path pngFile) throws IOException {
        write(spec, svgFile, Optional.of(pngFile));
    }

    private static void writePng(JFreeChart chart, Path pngFile) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * PNG_SCALE, (HEIGHT + 40) * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.scale(PNG_SCALE, PNG_SCALE);
            chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT + 40));
        } finally {
            graphics.dispose();
        }
        try (var out = Files.newOutputStream(pngFile)) {
            ImageIO.write(image, "png", out);
        }
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        // Two decimals are a hundredth of a pixel: invisible, and they keep the files small.
        DecimalFormat twoDecimals = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        graphics.setGeomDoubleConverter(twoDecimals::format);
        graphics.setTransformDoubleConverter(twoDecimals::format);
        graphics.setDefsKeyPrefix("c");
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return compact(graphics.getSVGDocument());
    }

    /**
     * Drops what JFreeSVG writes that changes nothing on screen: float noise in stroke widths
     * (1.600000023841858), opacities of 1, so a default report's charts stay small.
     */
    static String compact(String svg) {
        String trimmed = svg.replaceAll("(\\d\\.\\d{1,2}?)0*\\d{4,}(?=[;'\" ])", "$1")
                .replace("stroke-opacity:1.0;", "")
                .replace(" fill-opacity: 1.0;", "")
                .replace("fill-opacity:1.0;", "");
        // Every error bar and grid line repeats the same long style: name each distinct style once.
        java.util.Map<String, String> classes = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(" style='([^']*)'").matcher(trimmed);
        StringBuilder body = new StringBuilder(trimmed.length());
        while (matcher.find()) {
            String name = classes.computeIfAbsent(matcher.group(1), style -> "s" + classes.size());
            matcher.appendReplacement(body, " class='" + name + "'");
        }
        matcher.appendTail(body);
        StringBuilder css = new StringBuilder("<style>");
        classes.forEach((style, name) -> css.append('.').append(name).append('{').append(style).append('}'));
        css.append("</style>");
        int defs = body.indexOf("<defs>");
        return defs < 0 ? body.toString() : body.insert(defs + "<defs>".length(), css).toString();
    }

    JFreeChart build(ChartSpec spec) {
        return build(spec, true);
    }

    JFreeChart build(ChartSpec spec, boolean withTitle) {
        Plot plot = spec.kind() == ChartSpec.Kind.BARS ? barPlot(spec) : linePlot(spec);
        JFreeChart chart = new JFreeChart(withTitle ? spec.title() : null, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getLegend().setItemFont(TICK_FONT);
        if (withTitle && !spec.subtitle().isBlank()) {
            chart.addSubtitle(new TextTitle(spec.subtitle(), TICK_FONT));
        }
        return chart;
    }

    private XYPlot linePlot(ChartSpec spec) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        boolean logY = spec.logY();
        for (ChartSpec.Series series : spec.series()) {
            // Two lines may share a name (a param value repeated across benchmarks): keep them apart.
            YIntervalSeries line = new YIntervalSeries(dataset.getSeriesCount() + ":" + series.name(), false, true);
            for (ChartSpec.Point point : series.points()) {
                boolean drawable = Double.isFinite(point.y()) && (!logY || point.y() > 0)
                        && (spec.xScale() != ChartSpec.XScale.LOG || point.x() > 0);
                if (drawable) {
                    double low = finiteOr(point.low(), point.y());
                    // A log axis cannot show an error bar reaching zero or below: stop it at the axis.
                    line.add(point.x(), point.y(), logY && low <= 0 ? point.y() / 1e6 : low, finiteOr(point.high(), point.y()));
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
        renderer.setUseFillPaint(true);
        renderer.setLegendItemLabelGenerator((data, index) -> spec.series().get(index).name());
        for (int index = 0; index < spec.series().size(); index++) {
            ChartSpec.Series series = spec.series().get(index);
            SeriesStyle style = palette.style(series.styleKey());
            Color colour = SeriesShapes.colour(style);
            renderer.setSeriesPaint(index, colour);
            renderer.setSeriesShape(index, SeriesShapes.shape(style.marker()));
            renderer.setSeriesFillPaint(index, series.secondary() ? Color.WHITE : colour);
            renderer.setSeriesOutlinePaint(index, colour);
            renderer.setSeriesOutlineStroke(index, new BasicStroke(1.4f));
            renderer.setSeriesStroke(index, SeriesShapes.stroke(series.secondary() ? SeriesStyle.Dash.DOTTED : style.dash(), 1.6f));
        }
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(true);
        XYPlot plot = new XYPlot(dataset, xAxis(spec), yAxis(spec, logY), renderer);
        // Later series on top: a lone marker added after a line (a history shift) must not hide under it.
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        styleBackground(plot);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        spec.shadeFromX().ifPresent(from -> plot.addDomainMarker(oversubscribedMarker(from, spec.shadeLabel()), Layer.BACKGROUND));
        return plot;
    }

    private CategoryPlot barPlot(ChartSpec spec) {
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        boolean logY = spec.logY();
        for (int row = 0; row < spec.series().size(); row++) {
            ChartSpec.Series series = spec.series().get(row);
            String rowKey = row + ":" + series.name();
            for (int column = 0; column < spec.categories().size(); column++) {
                dataset.add((Number) null, null, rowKey, column + ":" + spec.categories().get(column));
            }
            for (ChartSpec.Point point : series.points()) {
                int column = (int) point.x();
                if (column < 0 || column >= spec.categories().size() || !Double.isFinite(point.y())
                        || (logY && point.y() <= 0)) {
                    continue;
                }
                double error = Double.isFinite(point.high()) ? point.high() - point.y() : 0;
                dataset.add(point.y(), error, rowKey, column + ":" + spec.categories().get(column));
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setItemMargin(0.05);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        renderer.setLegendItemLabelGenerator((data, row) -> spec.series().get(row).name());
        for (int index = 0; index < spec.series().size(); index++) {
            SeriesStyle style = palette.style(spec.series().get(index).styleKey());
            renderer.setSeriesPaint(index, lighter(SeriesShapes.colour(style)));
            renderer.setSeriesOutlinePaint(index, SeriesShapes.colour(style));
            renderer.setSeriesOutlineStroke(index, new BasicStroke(1.2f));
        }
        CategoryAxis categories = new CategoryAxis(spec.xLabel());
        categories.setTickLabelFont(TICK_FONT);
        categories.setLabelFont(LABEL_FONT);
        categories.setCategoryMargin(0.2);
        // Column keys are "index:label" so two equal labels stay apart; show only the label.
        categories.setTickLabelsVisible(true);
        ValueAxis values = yAxis(spec, logY);
        if (logY) {
            renderer.setBase(values.getLowerBound());
        }
        CategoryPlot plot = new CategoryPlot(dataset, new LabelOnlyCategoryAxis(categories), values, renderer);
        styleBackground(plot);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return plot;
    }

    private static Paint lighter(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0xb0);
    }

    private static void styleBackground(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xbbbbbb));
    }

    private static ValueAxis yAxis(ChartSpec spec, boolean logY) {
        double[] range = valueRange(spec);
        ValueAxis axis;
        if (logY && range[0] > 0) {
            axis = new PlainLogAxis(spec.yLabel() + " (log scale)", range[0], range[1]);
        } else {
            NumberAxis numbers = new NumberAxis(spec.yLabel());
            numbers.setAutoRangeIncludesZero(true);
            if (range[2] >= 0) {
                // Nothing measured below zero: an error bar reaching past it must not pull the axis negative.
                numbers.setRangeType(RangeType.POSITIVE);
            }
            numbers.setNumberFormatOverride(new java.text.NumberFormat() {
                private static final long serialVersionUID = 1L;

                @Override
                public StringBuffer format(double number, StringBuffer buffer, java.text.FieldPosition position) {
                    return buffer.append(Numbers.axisTick(number));
                }

                @Override
                public StringBuffer format(long number, StringBuffer buffer, java.text.FieldPosition position) {
                    return buffer.append(Numbers.axisTick(number));
                }

                @Override
                public Number parse(String source, java.text.ParsePosition position) {
                    return null;
                }
            });
            axis = numbers;
        }
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
        return axis;
    }

    /** {smallest positive value or error-bar end, largest, smallest value}, over drawable points. */
    private static double[] valueRange(ChartSpec spec) {
        double minPositive = Double.POSITIVE_INFINITY;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (ChartSpec.Series series : spec.series()) {
            for (ChartSpec.Point point : series.points()) {
                if (!Double.isFinite(point.y())) {
                    continue;
                }
                min = Math.min(min, point.y());
                double low = Double.isFinite(point.low()) && point.low() > 0 ? point.low() : point.y();
                double high = Double.isFinite(point.high()) ? Math.max(point.high(), point.y()) : point.y();
                if (point.y() > 0) {
                    minPositive = Math.min(minPositive, Math.min(low, point.y()));
                }
                max = Math.max(max, high);
            }
        }
        if (!Double.isFinite(minPositive)) {
            return new double[] {0, 1, Double.isFinite(min) ? min : 0};
        }
        return new double[] {minPositive, Math.max(max, minPositive), min};
    }

    private static ValueAxis xAxis(ChartSpec spec) {
        ValueAxis axis;
        switch (spec.xScale()) {
            case LOG: {
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (ChartSpec.Series series : spec.series()) {
                    for (ChartSpec.Point point : series.points()) {
                        if (point.x() > 0) {
                            min = Math.min(min, point.x());
                            max = Math.max(max, point.x());
                        }
                    }
                }
                axis = Double.isFinite(min) ? new PlainLogAxis(spec.xLabel(), min, max, true) : new NumberAxis(spec.xLabel());
                break;
            }
            case CATEGORY: {
                SymbolAxis symbols = new SymbolAxis(spec.xLabel(), spec.categories().toArray(String[]::new));
                symbols.setGridBandsVisible(false);
                axis = symbols;
                break;
            }
            default: {
                NumberAxis numbers = new NumberAxis(spec.xLabel());
                numbers.setAutoRangeIncludesZero(false);
                if (allIntegers(spec)) {
                    numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                }
                axis = numbers;
            }
        }
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
        return axis;
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
