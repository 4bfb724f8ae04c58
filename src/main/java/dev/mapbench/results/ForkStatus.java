package dev.mapbench.results;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a fork ended, as {@code forks.csv} records it: measured, or one of the two ends that make its cell
 * unrankable — the fork outlived its time limit and was killed, or the map's state after the fork was wrong.
 */
public enum ForkStatus {
    /** The fork finished and its numbers stand. */
    MEASURED("measured", "measured"),
    /** The fork ran past its watchdog's limit; its process tree was ended. */
    TIMED_OUT("timed-out", "timed out"),
    /** The tear-down's state check found the map corrupted. */
    CORRUPTED("corrupted", "corrupted");

    private final String csv;
    private final String label;

    ForkStatus(String csv, String label) {
        this.csv = csv;
        this.label = label;
    }

    /** As {@code forks.csv} writes it. */
    public String csv() {
        return csv;
    }

    /** As people read it: {@code timed out}. */
    public String label() {
        return label;
    }

    /** Whether the fork's numbers stand (only a measured fork's do). */
    public boolean measured() {
        return this == MEASURED;
    }

    /** The status {@code text} names in {@code forks.csv}, if any. */
    public static Optional<ForkStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.csv.equals(text)).findFirst();
    }
}
