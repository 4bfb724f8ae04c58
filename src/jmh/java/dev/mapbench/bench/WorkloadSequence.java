package dev.mapbench.bench;

import dev.mapbench.workload.GridWrites;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The precomputed operation and key sequence a benchmark thread walks: generated and boxed once in
 * setup, so the timed path only indexes arrays.
 *
 * <p>Keys: the map holds {@code size} keys, key {@code i} is {@code i * 7919} (spread over the hash
 * table). The key drawn at each step follows the {@link KeyDistribution}; for Zipf the rank is mapped
 * through a fixed shuffle, so hot keys are scattered over buckets instead of being 0, 1, 2 ...
 *
 * <p>Writes are updates ({@link GridWrites#UPDATE}: a {@link #PUT} over a drawn present key) or keep the size
 * steady by pairs ({@link GridWrites#REMOVE_INSERT}): they alternate {@link #REMOVE} of a drawn key and
 * {@link #PUT} of that same key back, so a thread walking the sequence has at most one of its keys absent at any time and
 * the map stays within {@code threads} entries of {@code size} from the first iteration to the last.
 * A "write" is therefore half removes and half inserts. The number of writes is exact
 * ({@code round(LENGTH * (100 - readPercent) / 100)}, made even), placed by a seeded shuffle.
 *
 * <p>Every random draw uses a fixed seed, so every fork and every run measures the same sequence.
 */
public final class WorkloadSequence {

    /** Steps in the sequence; a power of two so the timed path wraps with a mask. */
    public static final int LENGTH = 1 << 16;
    /** Mask that wraps a step counter into the sequence. */
    public static final int MASK = LENGTH - 1;
    /** Zipf exponent, the YCSB default: the hottest 1 % of keys take roughly half the operations. */
    public static final double ZIPF_EXPONENT = 0.99;

    public static final byte READ = 0;
    public static final byte REMOVE = 1;
    public static final byte PUT = 2;

    private static final long SEED = 0x6d61_7062_656eL;

    private final Long[] keys;
    private final byte[] operations;
    private final Long[] residentKeys;

    private WorkloadSequence(Long[] keys, byte[] operations, Long[] residentKeys) {
        this.keys = keys;
        this.operations = operations;
        this.residentKeys = residentKeys;
    }

    /** The sequence for one cell with remove + insert writes: {@code size} resident keys, {@code readPercent} % reads. */
    public static WorkloadSequence generate(int size, int readPercent, KeyDistribution distribution) {
        return generate(size, readPercent, distribution, GridWrites.REMOVE_INSERT);
    }

    /**
     * The sequence for one cell: {@code size} resident keys, {@code readPercent} % reads, the rest writes as
     * {@code writes} says: remove + insert pairs, or updates ({@link #PUT} of a drawn present key).
     */
    public static WorkloadSequence generate(int size, int readPercent, KeyDistribution distribution, GridWrites writes) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1: " + size);
        }
        if (readPercent < 0 || readPercent > 100) {
            throw new IllegalArgumentException("readPercent must be 0..100: " + readPercent);
        }
        Long[] resident = new Long[size];
        for (int i = 0; i < size; i++) {
            resident[i] = (long) i * 7919L;
        }
        int[] drawn = drawKeyIndexes(size, distribution);
        boolean[] isWrite = writePositions(readPercent);

        Long[] keys = new Long[LENGTH];
        byte[] operations = new byte[LENGTH];
        int pendingPut = -1;
        for (int step = 0; step < LENGTH; step++) {
            if (!isWrite[step]) {
                operations[step] = READ;
                keys[step] = resident[drawn[step]];
            } else if (writes == GridWrites.UPDATE) {
                operations[step] = PUT;
                keys[step] = resident[drawn[step]];
            } else if (pendingPut < 0) {
                operations[step] = REMOVE;
                keys[step] = resident[drawn[step]];
                pendingPut = drawn[step];
            } else {
                operations[step] = PUT;
                keys[step] = resident[pendingPut];
                pendingPut = -1;
            }
        }
        return new WorkloadSequence(keys, operations, resident);
    }

    private static int[] drawKeyIndexes(int size, KeyDistribution distribution) {
        int[] drawn = new int[LENGTH];
        if (distribution == KeyDistribution.UNIFORM) {
            Random random = new Random(SEED);
            for (int step = 0; step < LENGTH; step++) {
                drawn[step] = random.nextInt(size);
            }
            return drawn;
        }
        int[] rankToKey = shuffledIdentity(size, new Random(SEED + 1));
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(SEED), size, ZIPF_EXPONENT);
        for (int step = 0; step < LENGTH; step++) {
            drawn[step] = rankToKey[zipf.sample() - 1];
        }
        return drawn;
    }

    private static boolean[] writePositions(int readPercent) {
        int writes = (int) Math.round(LENGTH * (100 - readPercent) / 100.0);
        writes -= writes % 2; // removes and puts come in pairs
        int[] order = shuffledIdentity(LENGTH, new Random(SEED + 2));
        boolean[] isWrite = new boolean[LENGTH];
        for (int i = 0; i < writes; i++) {
            isWrite[order[i]] = true;
        }
        return isWrite;
    }

    private static int[] shuffledIdentity(int length, Random random) {
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /** The key of each step (shared, never modified). */
    public Long[] keys() {
        return keys;
    }

    /** The operation of each step: {@link #READ}, {@link #REMOVE} or {@link #PUT}. */
    public byte[] operations() {
        return operations;
    }

    /**
     * The steps that write, ascending. With remove + insert writes the k-th of them (k from 0) is a {@link #REMOVE}
     * when k is even and the {@link #PUT} of the same key when k is odd: writes are generated in pairs in step
     * order, and their number is even, so the rule holds across the wrap from the last step to the first. With
     * updates every one is a {@link #PUT}.
     */
    public int[] writeSteps() {
        int count = 0;
        for (byte operation : operations) {
            if (operation != READ) {
                count++;
            }
        }
        int[] steps = new int[count];
        int next = 0;
        for (int step = 0; step < operations.length; step++) {
            if (operations[step] != READ) {
                steps[next++] = step;
            }
        }
        return steps;
    }

    /** Position in {@code writeSteps} of the first write at or after {@code step}, wrapping to 0 past the last. */
    public static int firstWriteAtOrAfter(int[] writeSteps, int step) {
        int position = Arrays.binarySearch(writeSteps, step);
        if (position < 0) {
            position = -position - 1;
        }
        return position == writeSteps.length ? 0 : position;
    }

    /** The keys the map holds before timing starts. */
    public Long[] residentKeys() {
        return residentKeys;
    }

    /** Where thread number {@code threadIndex} starts walking: spread by the golden ratio. */
    public static int startOffset(int threadIndex) {
        return (threadIndex * 40_503) & MASK;
    }
}
