package dev.mapbench.bench;

import dev.mapbench.maps.SharedMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

/**
 * The map's state after a fork's measurement, checked in the benchmark's tear-down (outside the timed part):
 * every key the workload keeps resident is present with a value the workload could have left, no more keys
 * are missing than its threads can have removed and not yet put back, {@code size()} agrees with what a walk
 * visits, and the walk does not throw. A map that corrupts itself only at the benchmark's size or under its
 * threads — one that passed Lincheck's three keys — fails here.
 *
 * <p>A violation fails the fork: the tear-down throws, JMH reports the benchmark failed, and when the runner
 * gave the fork {@code -D}{@value #PROPERTY}{@code =<file>} the evidence is written there first (a small JSON
 * object: {@code corrupted}, {@code evidence}, {@code checkedKeys}, {@code millis}), so the runner records the
 * fork as corrupted, not merely failed. A passed check writes the file too, with its cost in milliseconds.
 */
public final class StateCheck {

    /** The system property naming the file a fork writes its state check to. */
    public static final String PROPERTY = "mapbench.stateCheck";
    /**
     * {@code -D}{@value #SKIP_PROPERTY}{@code =true} leaves the check out, only to measure what it costs (the check
     * is untimed, so a score should not move); never set by the runner.
     */
    public static final String SKIP_PROPERTY = "mapbench.skipStateCheck";
    /** The fork JVM argument that leaves the check out: what a fork's JMH result records when it was left out. */
    public static final String SKIP_ARGUMENT = "-D" + SKIP_PROPERTY + "=true";
    /** The first words of a violation's exception message and of its JSON evidence. */
    public static final String CORRUPTED = "CORRUPTED";

    private static final int MAX_EVIDENCE = 5;

    private final List<String> evidence = new ArrayList<>();
    private int missing;
    private int checked;
    private final long start = System.nanoTime();

    /**
     * Checks that every one of {@code keys} is present with a value {@code valueOk} accepts, allowing at most
     * {@code mayBeMissing} of them to be absent (removed by a thread, not yet put back).
     */
    public <K, V> StateCheck residentKeys(SharedMap<K, V> map, Object[] keys, int mayBeMissing,
            BiPredicate<Integer, Object> valueOk) {
        for (int id = 0; id < keys.length; id++) {
            checked++;
            Object value;
            try {
                @SuppressWarnings("unchecked")
                K key = (K) keys[id];
                value = map.get(key);
            } catch (RuntimeException e) {
                note("get(" + keys[id] + ") threw " + e);
                continue;
            }
            if (value == null) {
                missing++;
                if (missing > mayBeMissing) {
                    note("key " + keys[id] + " is missing (" + missing + " missing; at most " + mayBeMissing
                            + " may be absent at once)");
                }
            } else if (!valueOk.test(id, value)) {
                note("key " + keys[id] + " maps to " + value + ", a value the workload never stored there");
            }
        }
        return this;
    }

    /**
     * Checks that a walk of the map does not throw, that {@code size()} equals the entries it visits, and that
     * both lie in {@code [low, high]}.
     */
    public <K, V> StateCheck size(SharedMap<K, V> map, long low, long high) {
        long[] visited = new long[1];
        try {
            map.forEach((key, value) -> visited[0]++);
        } catch (RuntimeException e) {
            note("a walk threw " + e);
            return this;
        }
        int size;
        try {
            size = map.size();
        } catch (RuntimeException e) {
            note("size() threw " + e);
            return this;
        }
        if (size != visited[0]) {
            note("size() is " + size + " but a walk visits " + visited[0] + " entries");
        }
        if (visited[0] < low || visited[0] > high) {
            note("the map holds " + visited[0] + " entries; the workload leaves between " + low + " and " + high);
        }
        return this;
    }

    private void note(String problem) {
        if (evidence.size() < MAX_EVIDENCE) {
            evidence.add(problem);
        } else if (evidence.size() == MAX_EVIDENCE) {
            evidence.add("…");
        }
    }

    /** Whether this fork was asked to leave the check out ({@value #SKIP_PROPERTY}). */
    public static boolean skipped() {
        return Boolean.getBoolean(SKIP_PROPERTY);
    }

    /** Whether nothing was found wrong. */
    public boolean passed() {
        return evidence.isEmpty();
    }

    /** What was found, one line. */
    public String evidence() {
        return String.join("; ", evidence);
    }

    /**
     * Writes the outcome where {@value #PROPERTY} says (when it is set) and throws when the state is corrupted,
     * so the fork fails; {@code subject} names the strategy and workload in the message.
     */
    public void finish(String subject) {
        double millis = (System.nanoTime() - start) / 1e6;
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            String json = String.format(Locale.ROOT, "{\"corrupted\": %s, \"evidence\": %s, \"checkedKeys\": %d, "
                    + "\"millis\": %.3f}%n", !passed(), quote(evidence()), checked, millis);
            try {
                Files.writeString(Path.of(file), json, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot write the state check", e);
            }
        }
        if (!passed()) {
            throw new IllegalStateException(CORRUPTED + ": " + subject + ": " + evidence());
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
