package dev.mapbench.workload;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workload of the matrix: the read share of operations, the map's size, the key distribution and the thread
 * count. Every strategy measured under one workload is one comparison (a verdict, a shard's unit, an A/B cell
 * group). Its id, e.g. {@code r95-s100-UNIFORM-t2}, is the cell id without the strategy.
 *
 * @param readPercent share of operations that read (0..100)
 * @param size entries in the map
 * @param keyDistribution the key distribution's name, e.g. {@code UNIFORM}, {@code ZIPFIAN}
 * @param threads threads running the workload
 */
public record WorkloadId(int readPercent, long size, String keyDistribution, int threads) {

    private static final Pattern ID = Pattern.compile("r(\\d+)-s(\\d+)-([A-Z_]+)-t(\\d+)");

    /** Orders workloads for display: distribution, size, read share descending, threads. */
    public static final Comparator<WorkloadId> DISPLAY_ORDER = Comparator.comparing(WorkloadId::keyDistribution)
            .thenComparingLong(WorkloadId::size)
            .thenComparing(Comparator.comparingInt(WorkloadId::readPercent).reversed())
            .thenComparingInt(WorkloadId::threads);

    /** Checks the ranges, so an id can always be parsed back. */
    public WorkloadId {
        if (readPercent < 0 || readPercent > 100 || size < 0 || threads < 1 || keyDistribution == null
                || !keyDistribution.matches("[A-Z_]+")) {
            throw new IllegalArgumentException("not a workload: read " + readPercent + " %, size " + size + ", keys "
                    + keyDistribution + ", threads " + threads);
        }
    }

    /** The id, e.g. {@code r95-s100-UNIFORM-t2}. */
    public String id() {
        return "r" + readPercent + "-s" + size + "-" + keyDistribution + "-t" + threads;
    }

    /** The workload an id names, if it is one. */
    public static Optional<WorkloadId> parse(String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WorkloadId(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)),
                matcher.group(3), Integer.parseInt(matcher.group(4))));
    }

    /** A label such as {@code 95 % read, 4 threads, size 1000, ZIPFIAN}. */
    public String describe() {
        return readPercent + " % read, " + threads + (threads == 1 ? " thread" : " threads") + ", size " + size + ", "
                + keyDistribution;
    }

    /** The same workload at another thread count. */
    public WorkloadId withThreads(int otherThreads) {
        return new WorkloadId(readPercent, size, keyDistribution, otherThreads);
    }

    @Override
    public String toString() {
        return id();
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
