package dev.mapbench.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How a latency cell divides its threads between the {@code read} and the {@code write} group of
 * {@link MapLatencyBenchmark}: JMH's {@code threadGroups} option, derived from a read ratio.
 *
 * <p>Readers are {@code round(threads * readPercent / 100)}, but a mixed ratio (strictly between 0 and
 * 100) keeps at least one thread of each kind, because the point of a mixed cell is readers and writers
 * contending. So a mixed ratio needs two threads, and at small thread counts several ratios land on the
 * same split (95, 75 and 50 % at two threads are all one reader and one writer): {@link #distinct} keeps
 * each split once, and {@link #readerSharePercent} is the label a cell carries, the share of its
 * threads that read, which is what the cell really measured.
 *
 * @param readers threads running {@code read}
 * @param writers threads running {@code write}
 */
public record ThreadSplit(int readers, int writers) {

    public ThreadSplit {
        if (readers < 0 || writers < 0 || readers + writers == 0) {
            throw new IllegalArgumentException("a split needs non-negative counts and one thread: "
                    + readers + " readers, " + writers + " writers");
        }
    }

    /**
     * The split of {@code threads} for {@code readPercent}, or {@code null} when the ratio is mixed and
     * there is a single thread (a lone thread cannot contend with itself).
     */
    public static ThreadSplit of(int threads, int readPercent) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        if (readPercent < 0 || readPercent > 100) {
            throw new IllegalArgumentException("readPercent must be 0..100: " + readPercent);
        }
        if (readPercent == 100) {
            return new ThreadSplit(threads, 0);
        }
        if (readPercent == 0) {
            return new ThreadSplit(0, threads);
        }
        if (threads == 1) {
            return null;
        }
        int readers = (int) Math.round(threads * readPercent / 100.0);
        readers = Math.max(1, Math.min(threads - 1, readers));
        return new ThreadSplit(readers, threads - readers);
    }

    /** The distinct splits the given read ratios map onto at {@code threads}, in the ratios' order. */
    public static List<ThreadSplit> distinct(int threads, List<Integer> readPercents) {
        List<ThreadSplit> splits = new ArrayList<>();
        for (int readPercent : readPercents) {
            ThreadSplit split = of(threads, readPercent);
            if (split != null && !splits.contains(split)) {
                splits.add(split);
            }
        }
        return splits;
    }

    /** All threads of the cell. */
    public int threads() {
        return readers + writers;
    }

    /** The share of the cell's threads that read, in whole percent (rounded): the cell's label. */
    public int readerSharePercent() {
        return (int) Math.round(100.0 * readers / threads());
    }

    /** JMH's {@code threadGroups} option: {@code read} first, then {@code write} (alphabetical, as JMH orders them). */
    public int[] threadGroups() {
        return new int[] {readers, writers};
    }
}
