package dev.mapbench.ab;

import dev.mapbench.runner.Cell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which an A/B runs its forks: randomized multiple interleaved trials.
 *
 * <p>Round r (1..forks) holds one fork of every (cell, side) pair, shuffled with a seeded random
 * order; rounds run one after the other. So both sides of every cell see the same drift of the machine
 * (a slower hour hits each side's r-th fork alike), no cell's forks run back to back, and a rerun with
 * the recorded seed runs the very same order. When a round would start with the pair that ended the
 * previous one, that pair swaps places with another, so no pair ever runs twice in a row.
 */
public final class AbSchedule {

    /** One fork to run: which round, its place in the whole schedule, the cell and the side. */
    public record Slot(int round, int index, int cellPosition, Cell cell, Side side) {

        /** {@code cell id / side}: how the progress line and the schedule file name a slot. */
        public String describe() {
            return cell.id() + " / " + side.label();
        }
    }

    private AbSchedule() {
    }

    /** The schedule of {@code forks} forks a side of every cell, shuffled per round with {@code seed}. */
    public static List<Slot> plan(List<Cell> cells, int forks, long seed) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks per side must be >= 1, got " + forks);
        }
        Random random = new Random(seed);
        List<Slot> schedule = new ArrayList<>();
        int[] previous = null;
        for (int round = 1; round <= forks; round++) {
            List<int[]> pairs = new ArrayList<>();
            for (int position = 0; position < cells.size(); position++) {
                for (Side side : Side.values()) {
                    pairs.add(new int[] {position, side.ordinal()});
                }
            }
            Collections.shuffle(pairs, random);
            if (previous != null && pairs.size() > 1 && same(pairs.get(0), previous)) {
                Collections.swap(pairs, 0, 1 + random.nextInt(pairs.size() - 1));
            }
            for (int[] pair : pairs) {
                schedule.add(new Slot(round, schedule.size(), pair[0], cells.get(pair[0]), Side.values()[pair[1]]));
            }
            previous = pairs.get(pairs.size() - 1);
        }
        return schedule;
    }

    private static boolean same(int[] a, int[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }
}
