package dev.mapbench.report.html;

import dev.mapbench.footprint.FootprintPhase;
import dev.mapbench.footprint.FootprintRow;
import dev.mapbench.footprint.MeasuringJvm;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.FootprintResults;
import dev.mapbench.report.model.Footprints;
import dev.mapbench.report.model.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The footprint section as text for the template: per file, the JVM layout the bytes are valid
 * for, and per size a table of strategy × phase with structure and payload bytes.
 */
final class FootprintTables {

    private FootprintTables() {
    }

    static Map<String, Object> of(Footprints.Footprint section, boolean png) {
        FootprintResults footprint = section.results();
        Map<String, ChartSpec> charts = section.charts().stream()
                .collect(Collectors.toMap(ChartSpec::id, chart -> chart));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("source", footprint.source().toString());
        view.put("rawHref", section.raw().href());
        view.put("generatedAt", footprint.report().generatedAt());
        view.put("keys", footprint.report().keys());
        view.put("values", footprint.report().values());
        view.put("jvm", jvm(footprint.report().jvm()));
        view.put("phaseLabels", Arrays.stream(FootprintPhase.values()).map(FootprintPhase::label).toList());
        Map<Integer, List<FootprintRow>> bySize = footprint.report().rows().stream().collect(Collectors.groupingBy(
                FootprintRow::size, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (Map.Entry<Integer, List<FootprintRow>> entry : bySize.entrySet()) {
            ChartSpec chart = charts.get(Footprints.chartId(section.chartPrefix(), entry.getKey()));
            Map<String, Object> size = new LinkedHashMap<>();
            size.put("size", entry.getKey());
            size.put("rows", rows(entry.getValue()));
            size.put("wrapperOverhead", wrapperOverhead(entry.getValue()));
            size.put("figure", Figures.of(chart, png));
            sizes.add(size);
        }
        view.put("sizes", sizes);
        return view;
    }

    /**
     * The wrapper layer is a read-write lock over a HashMap plus its facade's Entry records, so its
     * filled structure minus RWLOCK_HASHMAP's, per entry, is what the facade costs; null when
     * either strategy was not measured.
     */
    private static String wrapperOverhead(List<FootprintRow> rows) {
        Map<MapStrategy, FootprintRow> filled = new EnumMap<>(MapStrategy.class);
        rows.stream().filter(row -> row.phase() == FootprintPhase.FILLED).forEach(row -> filled.put(row.strategy(), row));
        FootprintRow wrapper = filled.get(MapStrategy.WRAPPER_LAYER);
        FootprintRow plain = filled.get(MapStrategy.RWLOCK_HASHMAP);
        if (wrapper == null || plain == null || wrapper.entries() == 0) {
            return null;
        }
        long extra = wrapper.structureBytes() - plain.structureBytes();
        return String.format(Locale.ROOT, "WRAPPER_LAYER holds %s structure bytes more than RWLOCK_HASHMAP when filled: "
                + "%s B per entry, its facade's Entry records.", Numbers.whole(extra), Numbers.oneDecimal((double) extra / wrapper.entries()));
    }

    /** One row per strategy: the four phases' bytes, and what emptying left behind. */
    private static List<Map<String, Object>> rows(List<FootprintRow> rows) {
        Map<String, Map<FootprintPhase, FootprintRow>> byStrategy = new LinkedHashMap<>();
        rows.forEach(row -> byStrategy.computeIfAbsent(row.strategy().name(), name -> new EnumMap<>(FootprintPhase.class))
                .put(row.phase(), row));
        List<Map<String, Object>> views = new ArrayList<>();
        byStrategy.forEach((strategy, phases) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("strategy", strategy);
            view.put("phases", Arrays.stream(FootprintPhase.values()).map(phase -> {
                FootprintRow row = phases.get(phase);
                return Map.of("structure", row == null ? "—" : Numbers.whole(row.structureBytes()),
                        "payload", row == null ? "—" : Numbers.whole(row.payloadBytes()));
            }).toList());
            FootprintRow created = phases.get(FootprintPhase.CREATED);
            FootprintRow filled = phases.get(FootprintPhase.FILLED);
            FootprintRow emptied = phases.get(FootprintPhase.EMPTIED);
            view.put("keptAfterEmptying", created == null || emptied == null ? "—"
                    : Numbers.whole(emptied.structureBytes() - created.structureBytes()));
            view.put("structurePerEntry", filled == null || filled.entries() == 0 ? "—"
                    : Numbers.oneDecimal((double) filled.structureBytes() / filled.entries()));
            views.add(view);
        });
        return views;
    }

    private static Map<String, Object> jvm(MeasuringJvm jvm) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("description", String.join(" ", nonNull(jvm.vendor()), nonNull(jvm.name()), nonNull(jvm.version())).trim());
        view.put("home", nonNull(jvm.home()));
        view.put("compressedOops", flag(jvm.compressedOops()));
        view.put("compressedClassPointers", flag(jvm.compressedClassPointers()));
        view.put("compactObjectHeaders", flag(jvm.compactObjectHeaders()));
        view.put("objectHeaderBytes", jvm.objectHeaderBytes());
        view.put("arrayHeaderBytes", jvm.arrayHeaderBytes());
        view.put("objectAlignmentBytes", jvm.objectAlignmentBytes());
        view.put("sizeSource", nonNull(jvm.sizeSource()));
        view.put("fromInstrumentation", jvm.sizesFromInstrumentation());
        view.put("notes", jvm.notes() == null ? List.of() : jvm.notes());
        view.put("jolDetails", nonNull(jvm.jolDetails()));
        return view;
    }

    private static String flag(Boolean value) {
        return value == null ? "not reported by this JVM" : value ? "on" : "off";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
