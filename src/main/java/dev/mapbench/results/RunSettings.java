package dev.mapbench.results;

/**
 * How long JMH warmed up or measured a cell: iteration count, time per iteration as JMH wrote it
 * (e.g. {@code "1 s"}, {@code "100 ms"}; single-shot modes may leave it empty) and batch size.
 */
public record RunSettings(int iterations, String time, int batchSize) {

    /** A short human label such as {@code 5 × 1 s}. */
    public String describe() {
        return time == null || time.isBlank() ? iterations + " ×" : iterations + " × " + time;
    }
}
