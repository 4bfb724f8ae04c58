package dev.mapbench.workload;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workload of the grid: the read share of operations, what a write is, the map's size, the key distribution
 * and the thread count. Every strategy measured under one workload is one comparison (a verdict, a shard's unit,
 * an A/B cell group). Its id, e.g. {@code r95-s100-UNIFORM-t2} (writes are remove + insert) or
 * {@code r95-s100-UNIFORM-UPDATE-t2} (writes are updates), is the cell id without the strategy.
 *
 * @param readPercent share of operations that read (0..100)
 * @param size entries in the map
 * @param keyDistribution the key distribution's name, e.g. {@code UNIFORM}, {@code ZIPFIAN}
 * @param threads threads running the workload
 * @param writes what the other operations are
 */
public record WorkloadId(int readPercent, long size, String keyDistribution, int threads, GridWrites writes)
        implements ComparedWorkload {

    private static final Pattern ID = Pattern.compile("r(\\d+)-s(\\d+)-([A-Z_]+?)(-UPDATE)?-t(\\d+)");

    /** Orders workloads for display: distribution, size, read share descending, writes (updates first), threads. */
    public static final Comparator<WorkloadId> DISPLAY_ORDER = Comparator.comparing(WorkloadId::keyDistribution)
            .thenComparingLong(WorkloadId::size)
            .thenComparing(Comparator.comparingInt(WorkloadId::readPercent).reversed())
            .thenComparing(WorkloadId::writes, Comparator.reverseOrder())
            .thenComparingInt(WorkloadId::threads);

    /** A workload whose writes are remove + insert, as every grid workload's were before writes were a parameter. */
    public WorkloadId(int readPercent, long size, String keyDistribution, int threads) {
        this(readPercent, size, keyDistribution, threads, GridWrites.REMOVE_INSERT);
    }

    /** Checks the ranges, so an id can always be parsed back. */
    public WorkloadId {
        if (writes == null || readPercent == 100) {
            writes = GridWrites.REMOVE_INSERT; // a read-only workload has no writes: one id whatever the grid's are
        }
        if (readPercent < 0 || readPercent > 100 || size < 0 || threads < 1 || keyDistribution == null
                || !keyDistribution.matches("[A-Z_]+") || keyDistribution.endsWith("_UPDATE")) {
            throw new IllegalArgumentException("not a workload: read " + readPercent + " %, size " + size + ", keys "
                    + keyDistribution + ", threads " + threads);
        }
    }

    /** The id, e.g. {@code r95-s100-UNIFORM-t2} or {@code r95-s100-UNIFORM-UPDATE-t2}. */
    @Override
    public String id() {
        return "r" + readPercent + "-s" + size + "-" + keyDistribution + (writes == GridWrites.UPDATE ? "-UPDATE" : "")
                + "-t" + threads;
    }

    /** The workload an id names, if it is one. */
    public static Optional<WorkloadId> parse(String id) {
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new WorkloadId(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)),
                matcher.group(3), Integer.parseInt(matcher.group(5)),
                matcher.group(4) == null ? GridWrites.REMOVE_INSERT : GridWrites.UPDATE));
    }

    /** A label such as {@code 95 % read, 4 threads, size 1000, ZIPFIAN} (and {@code , updates} when writes update). */
    @Override
    public String describe() {
        return readPercent + " % read, " + threads + (threads == 1 ? " thread" : " threads") + ", size " + size + ", "
                + keyDistribution + (writes == GridWrites.UPDATE && readPercent < 100 ? ", updates" : "");
    }

    /** A grid workload's name is {@code grid}. */
    @Override
    public String name() {
        return "grid";
    }

    /** The same workload at another thread count. */
    public WorkloadId withThreads(int otherThreads) {
        return new WorkloadId(readPercent, size, keyDistribution, otherThreads, writes);
    }

    @Override
    public String toString() {
        return id();
    }

}
