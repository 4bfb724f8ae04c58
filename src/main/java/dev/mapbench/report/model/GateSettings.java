package dev.mapbench.report.model;

/**
 * The thresholds of the regression gate.
 *
 * @param alpha false-discovery level for Benjamini–Hochberg-adjusted Mann–Whitney p-values
 * @param minEffectPercent smallest worsening of throughput or time per op that counts as a regression
 * @param bytesToleranceBytes bytes per op may grow by this much without being a regression
 * @param bytesTolerancePercent ... or by this percent of the baseline, whichever is larger
 * @param minBytesForks forks per side needed before bytes per op is gated (its median must resist
 *     one odd fork, e.g. one where escape analysis did not kick in)
 */
public record GateSettings(double alpha, double minEffectPercent, double bytesToleranceBytes,
        double bytesTolerancePercent, int minBytesForks) {

    /** The defaults: FDR 5 %, 10 % minimum effect, bytes tolerance max(1 B, 2 %), 3 forks for bytes. */
    public static GateSettings defaults() {
        return new GateSettings(0.05, 10.0, 1.0, 2.0, 3);
    }

    /** Validates the ranges so a typo in a flag fails loudly. */
    public GateSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (!(minEffectPercent >= 0)) {
            throw new IllegalArgumentException("minimum effect must be >= 0 %, got " + minEffectPercent);
        }
        if (!(bytesToleranceBytes >= 0) || !(bytesTolerancePercent >= 0)) {
            throw new IllegalArgumentException("bytes tolerance must be >= 0");
        }
        if (minBytesForks < 1) {
            throw new IllegalArgumentException("forks needed for bytes per op must be >= 1");
        }
    }

    /** The allowed growth of bytes per op from {@code baselineBytes}: max(absolute, percent of it). */
    public double bytesTolerance(double baselineBytes) {
        return Math.max(bytesToleranceBytes, Math.abs(baselineBytes) * bytesTolerancePercent / 100.0);
    }
}
