package dev.mapbench.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.SeriesStyle;
import dev.mapbench.report.model.StrategyPalette;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

/** What makes a chart trustworthy to a reader: styles, axes, titles. */
class ChartTrustTest {

    private static final List<String> KNOWN = List.of("CONCURRENT_HASHMAP", "COPY_ON_WRITE", "RWLOCK_HASHMAP", "WRAPPER_LAYER",
            "SYNCHRONIZED_MAP", "STAMPED_LOCK", "UNSYNCHRONIZED_HASHMAP", "CAFFEINE", "NON_BLOCKING_HASHMAP",
            "PERSISTENT_COPY_ON_WRITE", "CONCURRENT_SKIPLIST_MAP", "COPY_ON_WRITE_ATOMIC_REFERENCE");

    @Test
    void everyKnownStrategyHasItsOwnColourAndMarkerAndPluginsGetFreeOnesDeterministically() {
        List<String> plugins = List.of("com.acme.FastMap", "org.example.ShardedMap", "com.acme.AnotherMap");
        StrategyPalette palette = StrategyPalette.forKeys(plugins);
        Set<String> combinations = new HashSet<>();
        for (String name : KNOWN) {
            SeriesStyle style = palette.style(name);
            assertTrue(combinations.add(style.rgb() + "/" + style.marker()), "unique style: " + name);
        }
        for (String plugin : plugins) {
            SeriesStyle style = palette.style(plugin);
            assertTrue(combinations.add(style.rgb() + "/" + style.marker()), "a free style: " + plugin);
            assertEquals(SeriesStyle.Dash.DASH_DOT, style.dash(), "plug-ins draw dash-dotted");
        }
        StrategyPalette reordered = StrategyPalette.forKeys(List.of("com.acme.AnotherMap", "org.example.ShardedMap", "com.acme.FastMap"));
        for (String plugin : plugins) {
            assertEquals(palette.style(plugin), reordered.style(plugin), "same names, same styles, in any order");
        }
        assertEquals(StrategyPalette.forKeys(List.of()).style("COPY_ON_WRITE"), palette.style("COPY_ON_WRITE"),
                "a known strategy's style never depends on the other names");
    }

    @Test
    void readAndWriteOfTwoStrategiesNeverShareColourAndMarker() {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (String strategy : List.of("CONCURRENT_HASHMAP", "WRAPPER_LAYER")) {
            series.add(new ChartSpec.Series(strategy + " read", points(10, 20, 30), strategy, false));
            series.add(new ChartSpec.Series(strategy + " write", points(15, 25, 35), strategy, true));
        }
        ChartSpec spec = new ChartSpec("latency", "Latency", "", "percentile", "ns/op", ChartSpec.XScale.CATEGORY,
                List.of("p50", "p90", "p99"), series, OptionalDouble.empty(), "");
        XYItemRenderer renderer = ((XYPlot) new ChartRenderer().build(spec).getPlot()).getRenderer();
        assertNotEquals(renderer.getSeriesPaint(0), renderer.getSeriesPaint(2), "CHM and wrapper layer differ in colour");
        assertEquals(renderer.getSeriesPaint(0), renderer.getSeriesPaint(1), "a strategy's read and write share its colour");
        assertNotEquals(renderer.getSeriesStroke(0), renderer.getSeriesStroke(1), "and differ in line pattern");
    }

    @Test
    void throughputAxisNeverGoesBelowZeroEvenWhenAnErrorBarDoes() {
        ChartSpec spec = line(List.of(ChartSpec.Point.withError(1, 0.3, 1.2), ChartSpec.Point.withError(2, 0.9, 0.1)));
        assertFalse(spec.logY(), "values within 10×: linear");
        NumberAxis axis = (NumberAxis) ((XYPlot) new ChartRenderer().build(spec).getPlot()).getRangeAxis();
        assertEquals(0.0, axis.getLowerBound(), 1e-12);
    }

    @Test
    void valuesSpanningMoreThanTenTimesGetALogAxisTickedAtPowersOfTenAsPlainNumbers() {
        ChartSpec spec = line(List.of(ChartSpec.Point.withError(1, 0.002, 0.0005), ChartSpec.Point.withError(2, 450, 20)));
        assertTrue(spec.logY());
        JFreeChart chart = new ChartRenderer().build(spec);
        LogAxis axis = assertInstanceOf(LogAxis.class, ((XYPlot) chart.getPlot()).getRangeAxis());
        assertEquals(0.001, axis.getLowerBound(), 1e-12);
        assertEquals(1000, axis.getUpperBound(), 1e-9);
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0), Ticks.logTicks(0.001, 1000));
        assertEquals(List.of("0.001", "0.01", "0.1", "1", "10", "100", "1,000"),
                Ticks.logTicks(0.001, 1000).stream().map(Numbers::axisTick).toList());
        assertEquals(List.of(100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0), Ticks.logTicks(100, 10000),
                "within two decades: 1-2-5");
    }

    @Test
    void theSvgCarriesNoTitleAndThePngDoes() {
        ChartSpec spec = line(List.of(ChartSpec.Point.withError(1, 5, 1), ChartSpec.Point.withError(2, 6, 1)));
        String svg = new ChartRenderer().toSvg(spec);
        assertFalse(svg.contains("Unique chart title"), "the page prints the title once, in the caption");
        assertEquals("Unique chart title", new ChartRenderer().build(spec, true).getTitle().getText());
    }

    @Test
    void textParamsAreGroupedBarsWithErrorBars() {
        ChartSpec spec = new ChartSpec("bars", "Bars", "", "kind", "ops/s", ChartSpec.XScale.CATEGORY, List.of("clq", "abq"),
                List.of(new ChartSpec.Series("capacity=16", points(10, 12)), new ChartSpec.Series("capacity=1024", points(11, 13))),
                OptionalDouble.empty(), "").asBars();
        CategoryPlot plot = assertInstanceOf(CategoryPlot.class, new ChartRenderer().build(spec).getPlot());
        assertEquals(2, plot.getDataset().getRowCount());
        assertEquals(2, plot.getDataset().getColumnCount());
        assertInstanceOf(org.jfree.chart.renderer.category.StatisticalBarRenderer.class, plot.getRenderer());
    }

    private static ChartSpec line(List<ChartSpec.Point> points) {
        return new ChartSpec("t", "Unique chart title", "sub", "threads", "ops/us", ChartSpec.XScale.LINEAR, List.of(),
                List.of(new ChartSpec.Series("COPY_ON_WRITE", points)), OptionalDouble.empty(), "");
    }

    private static List<ChartSpec.Point> points(double... values) {
        List<ChartSpec.Point> points = new ArrayList<>();
        for (int index = 0; index < values.length; index++) {
            points.add(ChartSpec.Point.withError(index, values[index], values[index] * 0.05));
        }
        return points;
    }
}
