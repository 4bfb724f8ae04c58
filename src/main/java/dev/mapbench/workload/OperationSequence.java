package dev.mapbench.workload;

import dev.mapbench.maps.MapOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * The operations one thread of a {@link WorkloadSpec} walks, generated before timing with fixed seeds, so the
 * timed path only indexes arrays: an operation and a key id per step.
 *
 * <p>Key ids: the map starts with ids {@code 0 .. size - 1}; a growing workload's thread {@code t} (of all the
 * run's threads) inserts fresh ids {@code size + t * FRESH_PER_THREAD + k}. Operations are placed by a seeded
 * shuffle in their exact proportions. A {@code remove} takes a present key of this thread's choice (by the
 * distribution), and this thread's next refilling operation ({@link WorkloadSpec#REFILLS}) takes that key
 * back, so it misses once; the sequence wraps with no key left absent. {@link Distribution.Latest} counts
 * recency by this thread's inserts (rank 1 is its newest key; before any, the resident keys by id).
 *
 * @param operations the operation of each step
 * @param keys the key id of each step
 * @param freshKeys fresh ids this thread inserts, in order (empty for a steady workload)
 */
public record OperationSequence(MapOperation[] operations, int[] keys, int[] freshKeys) {

    /** Steps of a steady workload's sequence (it wraps). */
    public static final int STEADY_LENGTH = 1 << 16;
    /** Steps of a growing workload's sequence: its inserts are fresh until it wraps. */
    public static final int GROWING_LENGTH = 1 << 20;
    /** Fresh ids reserved per thread of a growing workload. */
    public static final int FRESH_PER_THREAD = GROWING_LENGTH;

    private static final long SEED = 0x6d61_7062_656eL;

    /** Copies the arrays. */
    public OperationSequence {
        operations = operations.clone();
        keys = keys.clone();
        freshKeys = freshKeys.clone();
    }

    /** Steps in the sequence (a power of two: the timed path wraps with a mask). */
    public int length() {
        return operations.length;
    }

    /**
     * The sequence of one thread.
     *
     * @param spec the workload
     * @param mix the operations this thread runs (the workload's, or its role's)
     * @param thread this thread's index among all the run's threads (decides its seed and its fresh ids)
     */
    public static OperationSequence generate(WorkloadSpec spec, Map<MapOperation, Integer> mix, int thread) {
        int length = spec.grows() ? GROWING_LENGTH : STEADY_LENGTH;
        Random random = new Random(SEED + 31L * thread);
        MapOperation[] operations = place(mix, length, random);
        KeyChooser chooser = KeyChooser.of(spec.distribution(), spec.size(), new Random(SEED + 7 + 31L * thread));
        int[] keys = new int[length];
        List<Integer> fresh = new ArrayList<>();
        Deque<Integer> removed = new ArrayDeque<>();
        int nextFresh = spec.size() + thread * FRESH_PER_THREAD;
        for (int step = 0; step < length; step++) {
            MapOperation operation = operations[step];
            if (operation == MapOperation.INSERT && spec.grows()) {
                keys[step] = nextFresh;
                fresh.add(nextFresh++);
                chooser.inserted(keys[step]);
            } else if (WorkloadSpec.REFILLS.contains(operation) && !removed.isEmpty()) {
                keys[step] = removed.poll();
            } else if (operation == MapOperation.INSERT) {
                // a steady insert with no key removed before it in this sequence: the removes after it leave one
                // absent at the wrap, so take the key the last remove of the sequence will remove
                keys[step] = -1;
            } else {
                keys[step] = chooser.next();
                if (operation == MapOperation.REMOVE) {
                    removed.add(keys[step]);
                }
            }
        }
        resolveWrappedInserts(operations, keys);
        return new OperationSequence(operations, keys, fresh.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A steady insert placed before any remove (-1): pair it with a remove whose key is still absent when the
     * sequence wraps, so the map never gains a key the workload did not remove.
     */
    private static void resolveWrappedInserts(MapOperation[] operations, int[] keys) {
        Deque<Integer> unmatched = new ArrayDeque<>();
        Deque<Integer> pending = new ArrayDeque<>();
        for (int step = 0; step < operations.length; step++) {
            if (operations[step] == MapOperation.REMOVE) {
                pending.add(keys[step]);
            } else if (WorkloadSpec.REFILLS.contains(operations[step]) && keys[step] >= 0 && !pending.isEmpty()
                    && pending.peek() == keys[step]) {
                pending.poll();
            }
        }
        unmatched.addAll(pending);
        for (int step = 0; step < operations.length; step++) {
            if (keys[step] == -1) {
                keys[step] = unmatched.isEmpty() ? 0 : unmatched.poll();
            }
        }
    }

    /** Each operation's exact share of {@code length} steps, placed by a seeded shuffle. */
    static MapOperation[] place(Map<MapOperation, Integer> mix, int length, Random random) {
        Map<MapOperation, Integer> ordered = new EnumMap<>(mix);
        MapOperation[] operations = new MapOperation[length];
        int filled = 0;
        MapOperation largest = null;
        for (Map.Entry<MapOperation, Integer> entry : ordered.entrySet()) {
            int count = (int) Math.round(length * entry.getValue() / 100.0);
            for (int i = 0; i < count && filled < length; i++) {
                operations[filled++] = entry.getKey();
            }
            if (largest == null || entry.getValue() > ordered.get(largest)) {
                largest = entry.getKey();
            }
        }
        while (filled < length) {
            operations[filled++] = largest; // rounding: the rest goes to the largest share
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            MapOperation swap = operations[i];
            operations[i] = operations[j];
            operations[j] = swap;
        }
        alternateRemovesAndInserts(operations);
        return operations;
    }

    /**
     * Removes and inserts alternate in step order (remove, insert, remove, insert …, the extra removes last), so
     * at most one key a thread removed waits for its insert: the map stays within the thread count of its size
     * instead of drifting as a random walk of removes against inserts would.
     */
    private static void alternateRemovesAndInserts(MapOperation[] operations) {
        int removes = 0;
        int inserts = 0;
        for (MapOperation operation : operations) {
            removes += operation == MapOperation.REMOVE ? 1 : 0;
            inserts += operation == MapOperation.INSERT ? 1 : 0;
        }
        if (removes == 0 || inserts == 0) {
            return;
        }
        int paired = 0;
        for (int step = 0; step < operations.length; step++) {
            if (operations[step] == MapOperation.REMOVE || operations[step] == MapOperation.INSERT) {
                operations[step] = paired < 2 * inserts ? (paired % 2 == 0 ? MapOperation.REMOVE : MapOperation.INSERT)
                        : MapOperation.REMOVE;
                paired++;
            }
        }
    }

    /**
     * The most keys this thread has removed and not yet put back at any step (over two passes, so across the
     * wrap): the bound on what its removes can leave missing from the map.
     */
    public int maxAbsent() {
        java.util.Set<Integer> absent = new java.util.HashSet<>();
        int most = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int step = 0; step < operations.length; step++) {
                if (operations[step] == MapOperation.REMOVE) {
                    absent.add(keys[step]);
                } else if (operations[step] != MapOperation.GET && operations[step] != MapOperation.WALK) {
                    absent.remove(keys[step]);
                }
                most = Math.max(most, absent.size());
            }
        }
        return most;
    }

    /** How many steps run each operation. */
    public Map<MapOperation, Integer> counts() {
        Map<MapOperation, Integer> counts = new EnumMap<>(MapOperation.class);
        for (MapOperation operation : operations) {
            counts.merge(operation, 1, Integer::sum);
        }
        return counts;
    }

    /** Draws present key ids by a distribution. */
    abstract static class KeyChooser {

        abstract int next();

        /** A fresh key this thread inserted (only {@link Distribution.Latest} keeps count). */
        void inserted(int id) {
        }

        static KeyChooser of(Distribution distribution, int size, Random random) {
            if (distribution instanceof Distribution.Uniform) {
                return uniform(size, random);
            }
            if (distribution instanceof Distribution.Zipf zipf) {
                int[] rankToKey = shuffledIdentity(Math.max(1, size), random);
                ZipfDistribution ranks = new ZipfDistribution(new Well19937c(random.nextLong()), Math.max(1, size),
                        zipf.constant());
                return new KeyChooser() {
                    @Override
                    int next() {
                        return rankToKey[ranks.sample() - 1];
                    }
                };
            }
            if (distribution instanceof Distribution.Latest latest) {
                return new LatestChooser(size, latest.constant(), random);
            }
            Distribution.Hotspot hotspot = (Distribution.Hotspot) distribution;
            int[] order = shuffledIdentity(Math.max(1, size), random);
            int hot = Math.max(1, (int) Math.round(size * hotspot.hotKeysPercent() / 100.0));
            return new KeyChooser() {
                @Override
                int next() {
                    boolean inHot = random.nextInt(100) < hotspot.hotOpsPercent() || hot >= size;
                    return inHot ? order[random.nextInt(hot)] : order[hot + random.nextInt(size - hot)];
                }
            };
        }

        private static KeyChooser uniform(int size, Random random) {
            return new KeyChooser() {
                @Override
                int next() {
                    return random.nextInt(Math.max(1, size));
                }
            };
        }
    }

    /** Zipf over recency: rank r is the r-th newest key (this thread's inserts first, then resident ids). */
    private static final class LatestChooser extends KeyChooser {
        private final int size;
        private final ZipfDistribution ranks;
        private final List<Integer> inserted = new ArrayList<>();

        LatestChooser(int size, double constant, Random random) {
            this.size = size;
            this.ranks = new ZipfDistribution(new Well19937c(random.nextLong()), Math.max(1, size) + GROWING_LENGTH,
                    constant);
        }

        @Override
        int next() {
            int total = size + inserted.size();
            int rank = ranks.sample();
            while (rank > total) {
                rank = ranks.sample();
            }
            int newest = rank - 1;
            return newest < inserted.size() ? inserted.get(inserted.size() - 1 - newest) : size - 1 - (newest - inserted.size());
        }

        @Override
        void inserted(int id) {
            inserted.add(id);
        }
    }

    private static int[] shuffledIdentity(int length, Random random) {
        int[] values = new int[length];
        Arrays.setAll(values, i -> i);
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
