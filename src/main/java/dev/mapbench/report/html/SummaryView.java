package dev.mapbench.report.html;

import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.SeriesStyle;
import dev.mapbench.report.model.StrategyPalette;
import dev.mapbench.report.model.Summary;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The summary section as text for the template: two heatmaps per panel (throughput relative to the
 * workload's best, bytes per operation), each cell's colour, printed value, mark and tooltip.
 */
final class SummaryView {

    /** Ratios down to this are told apart by colour; anything slower gets the darkest. */
    static final double RATIO_FLOOR = 1e-3;
    /** Bytes per operation from 0.001 to this are told apart by colour. */
    static final double BYTES_CEILING = 1e5;

    /** Colour-blind-safe sequential scale (viridis stops), best first. */
    private static final Color[] RATIO_SCALE = {new Color(0xfde725), new Color(0x5ec962), new Color(0x21918c),
        new Color(0x3b528b), new Color(0x440154)};
    /** Single-hue sequential scale for bytes, none first. */
    private static final Color[] BYTES_SCALE = {new Color(0xf7f7f7), new Color(0xfdd0a2), new Color(0xfd8d3c),
        new Color(0xd94801), new Color(0x7f2704)};

    private SummaryView() {
    }

    static Map<String, Object> of(Summary summary, StrategyPalette palette) {
        if (summary.isEmpty()) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("unit", summary.unit());
        List<Map<String, Object>> panels = new ArrayList<>();
        for (Summary.Panel panel : summary.panels()) {
            panels.add(panel(panel, palette, summary.unit()));
        }
        view.put("panels", panels);
        view.put("named", summary.named().rows().isEmpty() ? null : namedPanel(summary.named(), palette, summary.unit()));
        view.put("guide", summary.guide().stream().map(SummaryView::sentence).toList());
        view.put("hasGuide", !summary.panels().isEmpty()); // the guide speaks of the grid; a run of named workloads has none
        view.put("ratioLegend", legend(true));
        view.put("bytesLegend", legend(false));
        view.put("collapse", summary.collapse());
        return view;
    }

    private static Map<String, Object> sentence(Summary.Sentence sentence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("text", sentence.text());
        view.put("first", sentence.cellIds().isEmpty() ? null : sentence.cellIds().get(0));
        view.put("cells", String.join(" ", sentence.cellIds()));
        view.put("count", sentence.cellIds().size());
        view.put("plural", sentence.cellIds().size() != 1);
        return view;
    }

    private static Map<String, Object> panel(Summary.Panel panel, StrategyPalette palette, String unit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", panel.id());
        view.put("title", "size " + Numbers.whole(panel.size()) + ", " + panel.keyDistribution() + " keys");
        List<Map<String, Object>> readGroups = new ArrayList<>();
        boolean bothWrites = Summary.bothWrites(panel.columns());
        int index = 0;
        while (index < panel.columns().size()) {
            String group = panel.columns().get(index).group(bothWrites);
            int span = 0;
            while (index + span < panel.columns().size() && panel.columns().get(index + span).group(bothWrites).equals(group)) {
                span++;
            }
            readGroups.add(Map.of("label", group, "short", group.replace(" read", ""), "span", span));
            index += span;
        }
        view.put("readGroups", readGroups);
        view.put("columns", panel.columns().stream().map(column -> Map.<String, Object>of("threads", column.threads(),
                "oversubscribed", column.oversubscribed())).toList());
        view.put("rows", rows(panel.rows(), palette, unit));
        return view;
    }

    /** The named workloads' heatmaps: a header group per workload name, a column per thread count. */
    private static Map<String, Object> namedPanel(Summary.NamedPanel panel, StrategyPalette palette, String unit) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        int index = 0;
        while (index < panel.columns().size()) {
            Summary.NamedColumn column = panel.columns().get(index);
            String name = column.workload().name();
            int span = 0;
            while (index + span < panel.columns().size()
                    && panel.columns().get(index + span).workload().name().equals(name)) {
                span++;
            }
            groups.add(Map.of("name", name, "span", span, "description", column.description()));
            index += span;
        }
        view.put("groups", groups);
        view.put("columns", panel.columns().stream().map(column -> Map.<String, Object>of("threads",
                column.workload().threads(), "oversubscribed", column.oversubscribed())).toList());
        view.put("rows", rows(panel.rows(), palette, unit));
        return view;
    }

    private static List<Map<String, Object>> rows(List<Summary.Row> panelRows, StrategyPalette palette, String unit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.Row row : panelRows) {
            SeriesStyle style = palette.style(row.strategy());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("strategy", row.strategy());
            line.put("baseline", !row.threadSafe());
            line.put("colour", style.hex());
            line.put("glyph", style.marker().glyph());
            List<Map<String, Object>> throughput = new ArrayList<>();
            List<Map<String, Object>> bytes = new ArrayList<>();
            for (Optional<Summary.Cell> cell : row.cells()) {
                throughput.add(cell.map(one -> throughputCell(one, unit)).orElse(Map.of("empty", true)));
                bytes.add(cell.map(SummaryView::bytesCell).orElse(Map.of("empty", true)));
            }
            line.put("throughput", throughput);
            line.put("bytes", bytes);
            rows.add(line);
        }
        return rows;
    }

    private static Map<String, Object> throughputCell(Summary.Cell cell, String unit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", cell.id());
        double ratio = cell.ratioToBest();
        Color background = Double.isFinite(ratio) ? ratioColour(ratio) : Color.WHITE;
        view.put("style", style(background));
        view.put("value", Numbers.compact(cell.throughput().score()));
        Optional<VerdictStatus> status = cell.status();
        view.put("mark", status.map(SummaryView::mark).orElse(""));
        view.put("status", status.map(VerdictStatus::label).orElse(cell.threadSafe() ? "no verdict" : "not ranked"));
        view.put("best", status.filter(VerdictStatus.BEST::equals).isPresent());
        view.put("equivalent", status.filter(VerdictStatus.EQUIVALENT::equals).isPresent());
        view.put("undecided", status.filter(VerdictStatus.UNDECIDED::equals).isPresent());
        view.put("tooltip", tooltip(cell, unit));
        view.put("modes", cell.verdict().map(StrategyVerdict::modes).orElse(null));
        view.put("oversubscribed", cell.oversubscribed());
        return view;
    }

    private static Map<String, Object> bytesCell(Summary.Cell cell) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", cell.id() + "-bytes");
        Optional<Metric> bytes = cell.bytesPerOp();
        double value = bytes.map(Metric::score).orElse(Double.NaN);
        view.put("style", style(Double.isFinite(value) ? bytesColour(value) : Color.WHITE));
        view.put("value", bytes.map(metric -> Numbers.number(metric.score())).orElse("—"));
        view.put("tooltip", cell.strategy() + ", " + cell.workload().describe() + ": "
                + bytes.map(metric -> Numbers.measured(metric.score(), metric.scoreError()) + " B/op (gc.alloc.rate.norm)")
                        .orElse("no -prof gc figure"));
        view.put("oversubscribed", cell.oversubscribed());
        return view;
    }

    private static String tooltip(Summary.Cell cell, String unit) {
        StringBuilder text = new StringBuilder(cell.strategy()).append(", ").append(cell.workload().describe())
                .append(cell.oversubscribed() ? " (oversubscribed)" : "").append(": ")
                .append(Numbers.measured(cell.throughput().score(), cell.throughput().scoreError())).append(' ').append(unit);
        if (Double.isFinite(cell.ratioToBest())) {
            text.append(", " + Numbers.number(cell.ratioToBest()) + "× the best");
        }
        cell.verdict().ifPresent(verdict -> text.append(". ").append(verdictText(verdict)));
        if (!cell.threadSafe()) {
            text.append(". Not thread-safe: a ceiling, never ranked");
        }
        return text.toString();
    }

    private static String verdictText(StrategyVerdict verdict) {
        StringBuilder text = new StringBuilder(verdict.status().label());
        if (verdict.status() != VerdictStatus.BEST && Double.isFinite(verdict.ratioLow())) {
            text.append(String.format(Locale.ROOT, " (ratio %s, interval %s to %s)", Numbers.number(verdict.ratioToBest()),
                    Numbers.number(verdict.ratioLow()), Numbers.number(verdict.ratioHigh())));
        }
        if (verdict.forksNeeded() > 0) {
            text.append(String.format(Locale.ROOT, "; about %d forks would decide it", verdict.forksNeeded()));
        }
        text.append("; ").append(verdict.forks()).append(verdict.forks() == 1 ? " fork; " : " forks; ").append(verdict.method());
        if (verdict.modes() != null) {
            text.append("; ").append(verdict.modes());
        }
        return text.toString();
    }

    private static String mark(VerdictStatus status) {
        return switch (status) {
            case BEST -> "★";
            case EQUIVALENT -> "≈";
            case UNDECIDED -> "?";
            case SLOWER -> "";
        };
    }

    static Color ratioColour(double ratio) {
        double t = Math.min(1, Math.max(0, -Math.log10(Math.max(ratio, RATIO_FLOOR)) / -Math.log10(RATIO_FLOOR)));
        return interpolate(RATIO_SCALE, Math.min(1, t));
    }

    static Color bytesColour(double bytes) {
        double low = Math.log10(Numbers.TINY);
        double t = (Math.log10(Math.max(bytes, Numbers.TINY)) - low) / (Math.log10(BYTES_CEILING) - low);
        return interpolate(BYTES_SCALE, Math.min(1, Math.max(0, t)));
    }

    private static Color interpolate(Color[] scale, double t) {
        double position = t * (scale.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(scale.length - 1, lower + 1);
        double f = position - lower;
        Color a = scale[lower];
        Color b = scale[upper];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static String style(Color background) {
        double luminance = (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue()) / 255;
        return String.format(Locale.ROOT, "background:#%06x;color:%s", background.getRGB() & 0xffffff,
                luminance < 0.5 ? "#fff" : "#111");
    }

    private static List<Map<String, Object>> legend(boolean ratio) {
        List<Map<String, Object>> steps = new ArrayList<>();
        double[] values = ratio ? new double[] {1, 0.3, 0.1, 0.03, 0.01, 0.001} : new double[] {0.001, 1, 10, 100, 1000, 100000};
        for (double value : values) {
            Color colour = ratio ? ratioColour(value) : bytesColour(value);
            String label = ratio ? (value == 1 ? "best" : Numbers.twoDigits(value) + "×")
                    : (value <= Numbers.TINY ? "< 0.001" : Numbers.twoDigits(value));
            steps.add(Map.of("style", style(colour), "label", label));
        }
        return steps;
    }
}
