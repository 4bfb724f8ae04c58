package dev.mapbench.report.model;

import dev.mapbench.report.model.SeriesStyle.Dash;
import dev.mapbench.report.model.SeriesStyle.Marker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One colour and marker per strategy in every chart of a report, from the Okabe–Ito palette (safe for
 * the common colour-vision deficiencies). The JDK strategies and the library strategies have fixed
 * styles (JDK lines solid, libraries dashed, the unsafe ceiling dotted), so a reader learns them once.
 * Any other name (a plug-in's class name, a foreign benchmark's param values) gets the next free
 * colour and marker, handed out in the names' sorted order: the same set of names always gets the same
 * styles, whatever order the charts are built in.
 */
public final class StrategyPalette {

    /** Okabe & Ito (2008), "Color Universal Design"; yellow last, it is faint on white. */
    static final List<Integer> OKABE_ITO = List.of(0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000,
            0xB8A900);

    private static final int BLUE = OKABE_ITO.get(0);
    private static final int VERMILLION = OKABE_ITO.get(1);
    private static final int GREEN = OKABE_ITO.get(2);
    private static final int PURPLE = OKABE_ITO.get(3);
    private static final int ORANGE = OKABE_ITO.get(4);
    private static final int SKY = OKABE_ITO.get(5);
    private static final int BLACK = OKABE_ITO.get(6);

    /** The fixed styles: the JDK strategies of {@code MapStrategy}, then the library strategies. */
    static final Map<String, SeriesStyle> FIXED = fixed();

    private static Map<String, SeriesStyle> fixed() {
        Map<String, SeriesStyle> styles = new LinkedHashMap<>();
        styles.put("CONCURRENT_HASHMAP", new SeriesStyle(BLUE, Marker.CIRCLE, Dash.SOLID));
        styles.put("COPY_ON_WRITE", new SeriesStyle(VERMILLION, Marker.SQUARE, Dash.SOLID));
        styles.put("RWLOCK_HASHMAP", new SeriesStyle(GREEN, Marker.TRIANGLE_UP, Dash.SOLID));
        styles.put("WRAPPER_LAYER", new SeriesStyle(PURPLE, Marker.DIAMOND, Dash.SOLID));
        styles.put("SYNCHRONIZED_MAP", new SeriesStyle(ORANGE, Marker.TRIANGLE_DOWN, Dash.SOLID));
        styles.put("STAMPED_LOCK", new SeriesStyle(SKY, Marker.PENTAGON, Dash.SOLID));
        styles.put("UNSYNCHRONIZED_HASHMAP", new SeriesStyle(BLACK, Marker.CROSS, Dash.DOTTED));
        styles.put("CAFFEINE", new SeriesStyle(ORANGE, Marker.CIRCLE, Dash.DASHED));
        styles.put("NON_BLOCKING_HASHMAP", new SeriesStyle(SKY, Marker.SQUARE, Dash.DASHED));
        styles.put("PERSISTENT_COPY_ON_WRITE", new SeriesStyle(VERMILLION, Marker.DIAMOND, Dash.DASHED));
        styles.put("CONCURRENT_SKIPLIST_MAP", new SeriesStyle(GREEN, Marker.TRIANGLE_DOWN, Dash.DASHED));
        styles.put("COPY_ON_WRITE_ATOMIC_REFERENCE", new SeriesStyle(PURPLE, Marker.TRIANGLE_UP, Dash.DASHED));
        return Map.copyOf(styles);
    }

    private final Map<String, SeriesStyle> styles;

    private StrategyPalette(Map<String, SeriesStyle> styles) {
        this.styles = styles;
    }

    /** A palette for a report that shows series with these style keys (strategy names, or labels). */
    public static StrategyPalette forKeys(Collection<String> keys) {
        Map<String, SeriesStyle> styles = new LinkedHashMap<>(FIXED);
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(FIXED.keySet());
        List<SeriesStyle> free = freeStyles();
        int next = 0;
        for (String key : unknown) {
            SeriesStyle candidate = free.get(next++ % free.size());
            // A plug-in is named by its class; other labels (foreign benchmarks' params) draw solid.
            Dash dash = key.contains(".") && !key.contains("=") ? Dash.DASH_DOT : Dash.SOLID;
            styles.put(key, new SeriesStyle(candidate.rgb(), candidate.marker(), dash));
        }
        return new StrategyPalette(styles);
    }

    /** A palette for the series of these charts. */
    public static StrategyPalette forCharts(Collection<ChartSpec> charts) {
        List<String> keys = new ArrayList<>();
        charts.forEach(chart -> chart.series().forEach(series -> keys.add(series.styleKey())));
        return forKeys(keys);
    }

    /** The style of {@code key}; a key this palette was not built for gets the first free style. */
    public SeriesStyle style(String key) {
        SeriesStyle style = styles.get(key);
        return style != null ? style : freeStyles().get(0);
    }

    /** Colour × marker combinations no fixed strategy uses, markers first so neighbours differ in shape. */
    private static List<SeriesStyle> freeStyles() {
        Set<String> taken = new HashSet<>();
        FIXED.values().forEach(style -> taken.add(style.rgb() + "/" + style.marker()));
        List<SeriesStyle> free = new ArrayList<>();
        for (int round = 0; round < Marker.values().length; round++) {
            for (int colour = 0; colour < OKABE_ITO.size(); colour++) {
                Marker marker = Marker.values()[(colour + round) % Marker.values().length];
                int paint = OKABE_ITO.get(colour);
                if (taken.add(paint + "/" + marker)) {
                    free.add(new SeriesStyle(paint, marker, Dash.SOLID));
                }
            }
        }
        // Black reads as the ceiling and dark yellow is faint: hand them out after the other colours.
        free.sort(java.util.Comparator.comparingInt(style -> OKABE_ITO.indexOf(style.rgb()) >= 6 ? 1 : 0));
        return free;
    }
}
