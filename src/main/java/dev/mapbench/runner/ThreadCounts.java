package dev.mapbench.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The thread counts a run sweeps (JMH has no {@code @Param} for threads). */
public final class ThreadCounts {

    private ThreadCounts() {
    }

    /** 1, 2, 4 ... up to twice {@code cores}, with {@code 2 * cores} itself always included. */
    public static List<Integer> sweep(int cores) {
        TreeSet<Integer> counts = new TreeSet<>();
        for (int threads = 1; threads <= 2 * cores; threads *= 2) {
            counts.add(threads);
        }
        counts.add(2 * cores);
        return List.copyOf(counts);
    }

    /** Parses {@code 1,2,8}: positive integers, sorted ascending, duplicates dropped. */
    public static List<Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty list");
        }
        TreeSet<Integer> counts = new TreeSet<>();
        for (String part : text.split(",")) {
            int threads;
            try {
                threads = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a number in '" + text + "'");
            }
            if (threads < 1) {
                throw new IllegalArgumentException(threads + " must be at least 1");
            }
            counts.add(threads);
        }
        return new ArrayList<>(counts);
    }
}
