package dev.mapbench.results;

import java.util.Arrays;
import java.util.Optional;

/** The JMH benchmark modes, with the short labels JMH writes in its JSON ({@code "mode"}). */
public enum BenchmarkMode {
    THROUGHPUT("thrpt", true),
    AVERAGE_TIME("avgt", false),
    SAMPLE_TIME("sample", false),
    SINGLE_SHOT_TIME("ss", false);

    private final String label;
    private final boolean higherIsBetter;

    BenchmarkMode(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The label JMH uses in JSON and on the command line, e.g. {@code thrpt}. */
    public String label() {
        return label;
    }

    /** True for throughput (operations per time); false for the time-per-operation modes. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The mode for a JMH label, if it is one. */
    public static Optional<BenchmarkMode> fromLabel(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label.equals(label)).findFirst();
    }
}
