package dev.mapbench.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@link MapIterationBenchmark}'s threads count, kept where {@link IterationViewProfiler} can read
 * it between JMH iterations: per iterator, its walks and what they saw; per writer and reader, its
 * operations so far.
 *
 * <p>Each iterator counts into its own {@link Tally} with plain stores (only its thread writes them while
 * the iteration runs; the profiler reads and resets them after JMH has joined the iteration's threads).
 * Writers and readers publish their operation counts with a release store into their own padded slot of
 * {@link Counters}, so an iterator can read how many writes completed during its walk, and the store
 * costs what a plain store costs on x86.
 */
public final class IterationProbe {


    /** The iterators of this JVM's trial, in the order they set up. */
    static final List<Tally> TALLIES = new CopyOnWriteArrayList<>();
    /** The writers' and readers' counters of this JVM's trial; null before the first setup. */
    static volatile Counters counters;

    private IterationProbe() {
    }

    /** One iterator's walks since the profiler last took them. */
    static final class Tally {
        long walks;
        long mixed;
        /**
         * Walks during which more writes completed than there are writers, or whose view mixed states (which
         * takes writes during the walk, whatever the counters saw). A view mixes states only when one writer
         * rewrites two keys during the walk; and a writer whose write ended just before the walk took its lock
         * may publish its count inside the walk, so up to one write per writer is not a race. The counters are
         * read every 64 entries, so writes during a walk's last entries are missed: an undercount on small maps.
         */
        long raced;
        long visitedSum;
        long visitedMin = Long.MAX_VALUE;
        long visitedMax = Long.MIN_VALUE;
        long writesDuring;
        final int writers;
        /** Bytes allocated by the walks that measured it, and how many did. */
        long allocated;
        long allocationSamples;

        Tally(int writers) {
            this.writers = writers;
        }

        /** One walk; {@code allocated} is -1 when the walk did not measure its allocation. */
        void record(long visited, boolean consistent, long writes, long allocated) {
            walks++;
            if (!consistent) {
                mixed++;
            }
            if (writes > writers || !consistent) {
                raced++;
            }
            if (allocated >= 0) {
                this.allocated += allocated;
                allocationSamples++;
            }
            visitedSum += visited;
            visitedMin = Math.min(visitedMin, visited);
            visitedMax = Math.max(visitedMax, visited);
            writesDuring += writes;
        }

        void clear() {
            walks = 0;
            mixed = 0;
            raced = 0;
            visitedSum = 0;
            visitedMin = Long.MAX_VALUE;
            visitedMax = Long.MIN_VALUE;
            writesDuring = 0;
            allocated = 0;
            allocationSamples = 0;
        }
    }

    /** Operation counts of the writers and readers, one padded slot each (no false sharing between them). */
    static final class Counters {
        private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
        /** Longs per slot: 128 bytes, two cache lines, so adjacent-line prefetch does not pair slots either. */
        private static final int PAD = 16;

        private final long[] slots;
        private final int writers;
        private final int readers;

        Counters(int writers, int readers) {
            this.writers = writers;
            this.readers = readers;
            this.slots = new long[(writers + readers + 2) * PAD];
        }

        void setWrites(int writer, long count) {
            SLOT.setRelease(slots, (1 + writer) * PAD, count);
        }

        void setReads(int reader, long count) {
            SLOT.setRelease(slots, (1 + writers + reader) * PAD, count);
        }

        long writes() {
            long sum = 0;
            for (int writer = 0; writer < writers; writer++) {
                sum += (long) SLOT.getAcquire(slots, (1 + writer) * PAD);
            }
            return sum;
        }

        long reads() {
            long sum = 0;
            for (int reader = 0; reader < readers; reader++) {
                sum += (long) SLOT.getAcquire(slots, (1 + writers + reader) * PAD);
            }
            return sum;
        }
    }
}
