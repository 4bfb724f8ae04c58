package dev.mapbench.report.html;

/** How the summary prints its cells, public so a test can check a cell against results.csv. */
public final class SummaryValues {

    private SummaryValues() {
    }

    /** A throughput as its heatmap cell prints it: three significant digits, no exponent. */
    public static String throughput(double score) {
        return SummaryView.value(score);
    }

    /** Bytes per operation as the bytes heatmap prints them ({@code < 0.001} for nothing to speak of). */
    public static String bytes(double bytesPerOp) {
        return Format.number(bytesPerOp);
    }
}
