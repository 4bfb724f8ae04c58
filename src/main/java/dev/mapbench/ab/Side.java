package dev.mapbench.ab;

import java.util.Locale;

/** The two sides of an A/B: the baseline ref and the candidate ref. */
public enum Side {
    BASELINE,
    CANDIDATE;

    /** Lower-case name: the side's folder in the A/B output and its label in every output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
