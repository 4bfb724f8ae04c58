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
 *
 * <p>The same order serves any number of built trees ("arms": an A/B has two, a bisection step three)
 * and can be extended by later rounds ({@link #interleave}), which is how a bisection step adds forks.
 */
public final class AbSchedule {

    /** One fork to run: which round, its place in the whole schedule, the cell and the side. */
    public record Slot(int round, int index, int cellPosition, Cell cell, Side side) {

        /** {@code cell id / side}: how the progress line and the schedule file name a slot. */
        public String describe() {
            return cell.id() + " / " + side.label();
        }
    }

    /**
     * One fork of an interleaved schedule between any number of trees.
     *
     * @param round the round (1-based), one fork of every (cell, arm) pair each
     * @param index the slot's place in the whole schedule, counting earlier batches
     * @param cellPosition the cell's position in the planned cell list
     * @param cell the cell
     * @param arm which tree (0-based, in the order the caller lists them)
     */
    public record ArmSlot(int round, int index, int cellPosition, Cell cell, int arm) {
    }

    private AbSchedule() {
    }

    /** The schedule of {@code forks} forks a side of every cell, shuffled per round with {@code seed}. */
    public static List<Slot> plan(List<Cell> cells, int forks, long seed) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks per side must be >= 1, got " + forks);
        }
        return interleave(cells, Side.values().length, 1, forks, seed, null).stream()
                .map(slot -> new Slot(slot.round(), slot.index(), slot.cellPosition(), slot.cell(),
                        Side.values()[slot.arm()]))
                .toList();
    }

    /**
     * Rounds {@code firstRound..lastRound} of every (cell, arm) pair, each round shuffled with {@code seed}.
     *
     * @param after the slot these rounds follow (the last one of an earlier batch), or null; its pair does not
     *     open the first new round, and the new slots' indices continue from it
     */
    public static List<ArmSlot> interleave(List<Cell> cells, int arms, int firstRound, int lastRound, long seed,
            ArmSlot after) {
        if (arms < 1 || firstRound < 1 || lastRound < firstRound) {
            throw new IllegalArgumentException("need arms >= 1 and rounds 1 <= first <= last, got " + arms + " arms, rounds "
                    + firstRound + ".." + lastRound);
        }
        Random random = new Random(seed);
        List<ArmSlot> schedule = new ArrayList<>();
        int offset = after == null ? 0 : after.index() + 1;
        int[] previous = after == null ? null : new int[] {after.cellPosition(), after.arm()};
        for (int round = firstRound; round <= lastRound; round++) {
            List<int[]> pairs = new ArrayList<>();
            for (int position = 0; position < cells.size(); position++) {
                for (int arm = 0; arm < arms; arm++) {
                    pairs.add(new int[] {position, arm});
                }
            }
            Collections.shuffle(pairs, random);
            if (previous != null && pairs.size() > 1 && same(pairs.get(0), previous)) {
                Collections.swap(pairs, 0, 1 + random.nextInt(pairs.size() - 1));
            }
            for (int[] pair : pairs) {
                schedule.add(new ArmSlot(round, offset + schedule.size(), pair[0], cells.get(pair[0]), pair[1]));
            }
            previous = pairs.get(pairs.size() - 1);
        }
        return schedule;
    }

    private static boolean same(int[] a, int[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }
}
