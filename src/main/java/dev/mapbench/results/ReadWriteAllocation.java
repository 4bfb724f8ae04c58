package dev.mapbench.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Bytes allocated per read and per write by one strategy at one size, key distribution and thread
 * count, separated: JMH's {@code gc.alloc.rate.norm} averages over every operation of a cell, which
 * hides a costly write among many reads.
 *
 * <p>Method: bytes per read is {@code gc.alloc.rate.norm} of the 100 %-read cell and bytes per write
 * that of the 0 %-read cell (a write being half remove, half put-back), each with its JMH error. As a
 * cross-check over every ratio measured, a least-squares line {@code norm = read + writeShare ×
 * (write − read)} is fitted through all the group's cells; a group without a 0 %-read cell (the
 * unsynchronized ceiling runs reads only) has no bytes per write. The runner's {@code alloc-per-op.csv}
 * and the report's section both come from here.
 *
 * @param group the cells' strategy, size, key distribution and thread count
 * @param byReadPercent each cell's {@code gc.alloc.rate.norm} by its read percent
 */
public record ReadWriteAllocation(Group group, SortedMap<Integer, Metric> byReadPercent) {

    /** The read percent whose cell gives bytes per read. */
    public static final int ALL_READS = 100;
    /** The read percent whose cell gives bytes per write. */
    public static final int ALL_WRITES = 0;

    /** Copies the map so the value cannot change after it is built. */
    public ReadWriteAllocation {
        byReadPercent = Collections.unmodifiableSortedMap(new TreeMap<>(byReadPercent));
    }

    /** The cells one split is derived from; ordered by strategy, size, key distribution, threads. */
    public record Group(String strategy, long size, String keyDistribution, int threads) implements Comparable<Group> {

        private static final Comparator<Group> ORDER = Comparator.comparing(Group::strategy)
                .thenComparingLong(Group::size)
                .thenComparing(Group::keyDistribution)
                .thenComparingInt(Group::threads);

        @Override
        public int compareTo(Group other) {
            return ORDER.compare(this, other);
        }
    }

    /** One workload cell's {@code gc.alloc.rate.norm}. */
    public record Measurement(Group group, int readPercent, Metric bytesPerOp) {
    }

    /** The least-squares cross-check: the fitted line's value at 100 % and 0 % read, and its R². */
    public record LineFit(double bytesPerRead, double bytesPerWrite, double rSquare) {
    }

    /** One split per group, in group order; of two measurements of the same group and ratio the later is kept. */
    public static List<ReadWriteAllocation> of(Collection<Measurement> measurements) {
        Map<Group, SortedMap<Integer, Metric>> groups = new TreeMap<>();
        for (Measurement measurement : measurements) {
            groups.computeIfAbsent(measurement.group(), group -> new TreeMap<>())
                    .put(measurement.readPercent(), measurement.bytesPerOp());
        }
        List<ReadWriteAllocation> splits = new ArrayList<>();
        groups.forEach((group, byReadPercent) -> splits.add(new ReadWriteAllocation(group, byReadPercent)));
        return splits;
    }

    /** Bytes per read: the 100 %-read cell's {@code gc.alloc.rate.norm}, if that cell was measured. */
    public Optional<Metric> perRead() {
        return Optional.ofNullable(byReadPercent.get(ALL_READS));
    }

    /** Bytes per write: the 0 %-read cell's {@code gc.alloc.rate.norm}, if that cell was measured. */
    public Optional<Metric> perWrite() {
        return Optional.ofNullable(byReadPercent.get(ALL_WRITES));
    }

    /** The line through every ratio measured, when there are at least two. */
    public Optional<LineFit> fit() {
        SimpleRegression regression = new SimpleRegression();
        byReadPercent.forEach((readPercent, bytes) -> regression.addData((100 - readPercent) / 100.0, bytes.score()));
        if (regression.getN() < 2) {
            return Optional.empty();
        }
        return Optional.of(new LineFit(regression.getIntercept(), regression.getIntercept() + regression.getSlope(),
                regression.getRSquare()));
    }

    /** The read percents measured, highest first. */
    public List<Integer> readPercentsMeasured() {
        List<Integer> descending = new ArrayList<>(byReadPercent.keySet());
        Collections.reverse(descending);
        return descending;
    }
}
