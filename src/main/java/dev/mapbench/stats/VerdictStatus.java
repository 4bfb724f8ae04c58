package dev.mapbench.stats;

import java.util.Locale;

/** Where a strategy ends in one workload. */
public enum VerdictStatus {
    /** The leader: the highest geometric mean of fork values. */
    BEST,
    /** Shown within ± the margin of the best: the ratio's whole interval lies inside it. */
    EQUIVALENT,
    /** Shown slower than the best: the ratio's whole interval lies below 1 (and not inside the margin). */
    SLOWER,
    /** Neither yet: more forks would decide it. */
    UNDECIDED;

    /** Lower-case name, as written in verdicts.csv and the report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
