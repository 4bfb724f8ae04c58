package dev.mapbench.bench;

import java.util.Arrays;

/**
 * Decides whether the entries one walk saw could have been the map's content at a single instant,
 * from the stamps {@link MapIterationBenchmark}'s writers put in every value.
 *
 * <p>The stamps. The keys are split into one slice per writer; writer {@code w} walks its slice in a
 * fixed order, position 0, 1, ... {@code length - 1}, and then again with the next generation. For each
 * key it does {@code remove(key)} and then {@code put(key, stamp(generation, w, position))}. The map
 * is filled with generation 0 and the first pass writes generation 1. So at every instant, within one
 * slice: the keys the writer has passed in its current pass {@code g} carry {@code g}, the others
 * {@code g - 1}, every key at a position below the writer's carries {@code g} and every key above it
 * {@code g - 1}, and at most the one key the writer is on is absent.
 *
 * <p>The check. A view is consistent when, in every slice, the generations seen are the highest one
 * seen ({@code G}) or {@code G - 1}, every position seen with {@code G} lies below every position seen
 * with {@code G - 1}, and the slice shows its length or one less entries. A walk under a lock or over a
 * snapshot always passes; a walk that read one key before the writer reached it and a later key after
 * the writer rewrote it sees a newer generation after an older one along the writer's order, a state
 * that never existed, and fails. With one writer the check is exact but for which key was absent; with
 * several it checks each slice on its own (slices at different instants are not caught), so a pass is
 * an upper bound on consistency there. The writer's order is a seeded shuffle, unrelated to the
 * map's own iteration order, so a weakly consistent walk that races a writer is caught whenever the
 * writer rewrites two or more keys during it.
 *
 * <p>Cost: {@link #accept} is a handful of shifts, compares and array stores, no allocation; it runs
 * inside the walk as the iterator's per-entry work. Not thread-safe: one instance per iterator.
 */
public final class ViewCheck {

    /** Largest slice the 24 position bits of a stamp can address. */
    public static final int MAX_SLICE = 1 << 24;
    /** Most writers the 8 writer bits of a stamp can name. */
    public static final int MAX_WRITERS = 1 << 8;

    private static final long NONE_BELOW = Long.MAX_VALUE;

    private final int[] sliceLengths;
    private final long[] top;
    private final long[] lowest;
    private final long[] minPositionAtTop;
    private final long[] maxPositionAtTop;
    private final long[] minPositionBelowTop;
    private final int[] seen;
    private long visited;

    /** A check for writers whose slices have these lengths (writer index = array index). */
    public ViewCheck(int[] sliceLengths) {
        if (sliceLengths.length < 1 || sliceLengths.length > MAX_WRITERS) {
            throw new IllegalArgumentException("1 to " + MAX_WRITERS + " writers: " + sliceLengths.length);
        }
        for (int length : sliceLengths) {
            if (length < 1 || length > MAX_SLICE) {
                throw new IllegalArgumentException("slice length 1 to " + MAX_SLICE + ": " + length);
            }
        }
        this.sliceLengths = sliceLengths.clone();
        int writers = sliceLengths.length;
        top = new long[writers];
        lowest = new long[writers];
        minPositionAtTop = new long[writers];
        maxPositionAtTop = new long[writers];
        minPositionBelowTop = new long[writers];
        seen = new int[writers];
        reset();
    }

    /** The value writer {@code writer} stores for the key at {@code position} of its slice in pass {@code generation}. */
    public static long stamp(long generation, int writer, int position) {
        return generation << 32 | (long) writer << 24 | position;
    }

    public static long generationOf(long stamp) {
        return stamp >>> 32;
    }

    public static int writerOf(long stamp) {
        return (int) (stamp >>> 24) & 0xFF;
    }

    public static int positionOf(long stamp) {
        return (int) stamp & 0xFF_FFFF;
    }

    /** Forgets the previous walk. */
    public void reset() {
        Arrays.fill(top, -2); // below any generation, and not one below generation 0
        Arrays.fill(lowest, Long.MAX_VALUE);
        Arrays.fill(minPositionAtTop, Long.MAX_VALUE);
        Arrays.fill(maxPositionAtTop, -1);
        Arrays.fill(minPositionBelowTop, NONE_BELOW);
        Arrays.fill(seen, 0);
        visited = 0;
    }

    /** Takes one entry of the walk, by the stamp its value holds. */
    public void accept(long stamp) {
        visited++;
        int writer = writerOf(stamp);
        long position = positionOf(stamp);
        long generation = generationOf(stamp);
        seen[writer]++;
        if (generation < lowest[writer]) {
            lowest[writer] = generation;
        }
        long highest = top[writer];
        if (generation > highest) {
            // the entries seen at the old top are now one below the new top, if it is exactly one higher
            minPositionBelowTop[writer] = generation == highest + 1 ? minPositionAtTop[writer] : NONE_BELOW;
            top[writer] = generation;
            minPositionAtTop[writer] = position;
            maxPositionAtTop[writer] = position;
        } else if (generation == highest) {
            if (position < minPositionAtTop[writer]) {
                minPositionAtTop[writer] = position;
            }
            if (position > maxPositionAtTop[writer]) {
                maxPositionAtTop[writer] = position;
            }
        } else if (generation == highest - 1 && position < minPositionBelowTop[writer]) {
            minPositionBelowTop[writer] = position;
        }
    }

    /** Entries taken since the last {@link #reset}. */
    public long visited() {
        return visited;
    }

    /** Whether the entries taken since the last {@link #reset} fit one state the writers could have produced. */
    public boolean consistent() {
        for (int writer = 0; writer < sliceLengths.length; writer++) {
            int missing = sliceLengths[writer] - seen[writer];
            if (missing < 0 || missing > 1) {
                return false;
            }
            if (seen[writer] == 0) {
                continue;
            }
            if (lowest[writer] < top[writer] - 1 || maxPositionAtTop[writer] >= minPositionBelowTop[writer]) {
                return false;
            }
        }
        return true;
    }
}
