package dev.mapbench.report.analysis;

import dev.mapbench.footprint.FootprintPhase;
import dev.mapbench.footprint.FootprintReport;
import dev.mapbench.footprint.FootprintRow;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.Footprints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Footprint charts: per map size, the structure bytes each strategy retains at each phase of a
 * map's life (created, filled, emptied, refilled), one line per strategy. The drop from filled to
 * emptied is what removing entries gives back: hash tables keep their table, copy-on-write does not.
 */
public final class FootprintCharts {

    private FootprintCharts() {
    }

    /** One chart per size of {@code report}; {@code prefix} keeps ids unique when several files are shown. */
    public static List<ChartSpec> build(String prefix, FootprintReport report) {
        List<String> phases = Arrays.stream(FootprintPhase.values()).map(FootprintPhase::label).toList();
        Map<Integer, List<FootprintRow>> bySize = report.rows().stream().collect(Collectors.groupingBy(
                FootprintRow::size, LinkedHashMap::new, Collectors.toList()));
        List<ChartSpec> charts = new ArrayList<>();
        bySize.forEach((size, rows) -> {
            Map<String, List<ChartSpec.Point>> byStrategy = new LinkedHashMap<>();
            for (FootprintRow row : rows) {
                double bytes = row.structureBytes();
                byStrategy.computeIfAbsent(row.strategy().name(), name -> new ArrayList<>())
                        .add(new ChartSpec.Point(row.phase().ordinal(), bytes, bytes, bytes));
            }
            List<ChartSpec.Series> series = byStrategy.entrySet().stream()
                    .map(entry -> new ChartSpec.Series(entry.getKey(), entry.getValue())).toList();
            charts.add(new ChartSpec(Footprints.chartId(prefix, size),
                    "Structure bytes by phase, size " + size,
                    "JOL, exact for the measuring JVM (no error bars); structure = all bytes reachable minus the keys' and values' own",
                    "phase of the map's life", "structure bytes", ChartSpec.XScale.CATEGORY, phases, series,
                    OptionalDouble.empty(), ""));
        });
        return charts;
    }


}
