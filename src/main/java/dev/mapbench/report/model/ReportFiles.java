package dev.mapbench.report.model;

/** The files of a report folder, named once for the formats that write them and the page that links them. */
public final class ReportFiles {

    /** The page. */
    public static final String INDEX = "index.html";
    /** One row per cell and metric. */
    public static final String RESULTS_CSV = "results.csv";
    /** One row per fork and measurement iteration of each cell's primary metric. */
    public static final String SAMPLES_CSV = "samples.csv";
    /** One row per workload × thread-safe strategy (mapbench workload cells only). */
    public static final String VERDICTS_CSV = "verdicts.csv";
    /** Bytes per read and per write (mapbench workload cells with gc.alloc.rate.norm only). */
    public static final String ALLOCATION_SPLIT_CSV = "bytes-per-read-write.csv";
    /** The folder of the chart files. */
    public static final String CHARTS = "charts";

    private ReportFiles() {
    }

    /** A chart's SVG, relative to the report folder. */
    public static String chartSvg(String chartId) {
        return CHARTS + "/" + chartId + ".svg";
    }

    /** A chart's PNG, relative to the report folder. */
    public static String chartPng(String chartId) {
        return CHARTS + "/" + chartId + ".png";
    }
}
