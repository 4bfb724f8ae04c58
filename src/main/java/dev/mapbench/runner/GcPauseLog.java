package dev.mapbench.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stop-the-world pauses of a GC-sweep cell, read from the forks' unified GC logs.
 *
 * <p>Why not JMH's {@code gc.time}: it sums the collectors' MXBean times, and ZGC's "Cycles" beans time
 * its concurrent cycles, so under ZGC {@code gc.time} is not pause time. The log states every pause:
 * G1 and Parallel at {@code [gc]} ({@code Pause Young (Normal) ... 1.234ms}), ZGC at {@code [gc,phases]}
 * ({@code Pause Mark Start 0.011ms}, generational: {@code Y: Pause Mark End 0.020ms}). A log covers the
 * whole fork: map filling, warmup and measurement, which the summary states.
 */
final class GcPauseLog {

    /** A log line that reports one pause and its duration in milliseconds. */
    private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*\\s(\\d+(?:\\.\\d+)?)ms\\s*$");

    private GcPauseLog() {
    }

    /** The JVM option that writes one log per fork into {@code directory} ({@code %p} is the fork's pid). */
    static String jvmOption(Path directory) {
        String dir = directory.toAbsolutePath().toString();
        if (dir.contains(":") || dir.contains(",") || dir.contains(" ")) {
            throw new IllegalArgumentException("path unusable in -Xlog (holds ':', ',' or a space): " + dir);
        }
        return "-Xlog:gc,gc+phases:file=" + dir + "/fork-%p.log";
    }

    /** Creates the cell's log folder, emptied of fork logs a killed earlier attempt left behind. */
    static void prepareFolder(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(GcPauseLog::isForkLog).toList()) {
                Files.delete(log);
            }
        }
    }

    private static boolean isForkLog(Path file) {
        return file.getFileName().toString().matches("fork-\\d+\\.log");
    }

    /** The pause durations, in milliseconds, that {@code lines} report. */
    static List<Double> pausesMillis(List<String> lines) {
        List<Double> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = PAUSE.matcher(line);
            if (matcher.find()) {
                pauses.add(Double.parseDouble(matcher.group(1)));
            }
        }
        return pauses;
    }

    /** Summary of every fork log in {@code directory}, as written to the cell's pause file. */
    static Map<String, Object> summarize(Path directory, String cellName, String gc) throws IOException {
        List<Double> pauses = new ArrayList<>();
        int forks = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path log : files.filter(GcPauseLog::isForkLog).sorted().toList()) {
                forks++;
                pauses.addAll(pausesMillis(Files.readAllLines(log)));
            }
        }
        Collections.sort(pauses);
        double total = pauses.stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cell", cellName);
        summary.put("gc", gc);
        summary.put("forks", forks);
        summary.put("pauses", pauses.size());
        summary.put("totalMillis", round(total));
        summary.put("maxMillis", pauses.isEmpty() ? null : round(pauses.get(pauses.size() - 1)));
        summary.put("p50Millis", pauses.isEmpty() ? null : round(percentile(pauses, 50)));
        summary.put("p99Millis", pauses.isEmpty() ? null : round(percentile(pauses, 99)));
        summary.put("scope", "every stop-the-world pause of every fork: map filling, warmup and measurement");
        return summary;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double round(double millis) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", millis));
    }
}
