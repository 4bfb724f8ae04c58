package dev.mapbench.report.model;

import java.util.List;

/** The footprint section: each run folder's footprint.json with its charts (one per size). */
public record Footprints(List<Footprint> files) implements ReportSection {

    /** Copies the list. */
    public Footprints {
        files = List.copyOf(files);
    }

    /**
     * One footprint.json and its charts.
     *
     * @param results what the file holds
     * @param raw the link to its copy in the report folder
     * @param chartPrefix the prefix of its chart ids ({@link #chartId})
     * @param charts its charts, one per size
     */
    public record Footprint(FootprintResults results, Link raw, String chartPrefix, List<ChartSpec> charts) {

        /** Copies the list. */
        public Footprint {
            charts = List.copyOf(charts);
        }
    }

    /** The id of the chart of {@code size} among the charts whose ids start with {@code prefix}. */
    public static String chartId(String prefix, int size) {
        return ChartSpec.safeId(prefix, "structure", "s" + size);
    }

    @Override
    public List<ChartSpec> allCharts() {
        return files.stream().flatMap(file -> file.charts().stream()).toList();
    }
}
