package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViewCheckTest {

    /**
     * The map's content while one writer with a slice of {@code length} keys is at {@code step} of pass
     * {@code generation} (step = position × 2, + 1 once the key is removed), as MapIterationBenchmark's writer
     * produces it: one stamp per present key.
     */
    private static List<Long> state(int writer, int length, long generation, int step) {
        List<Long> stamps = new ArrayList<>();
        int position = step / 2;
        for (int p = 0; p < length; p++) {
            if (p < position) {
                stamps.add(ViewCheck.stamp(generation, writer, p));
            } else if (p > position || step % 2 == 0) {
                stamps.add(ViewCheck.stamp(generation - 1, writer, p));
            } // else: removed, its put still to come
        }
        return stamps;
    }

    private static boolean check(ViewCheck check, List<Long> stamps) {
        check.reset();
        stamps.forEach(check::accept);
        return check.consistent();
    }

    @Test
    void stampsCarryGenerationWriterAndPosition() {
        long stamp = ViewCheck.stamp(123_456_789L, 7, 99_999);

        assertEquals(123_456_789L, ViewCheck.generationOf(stamp));
        assertEquals(7, ViewCheck.writerOf(stamp));
        assertEquals(99_999, ViewCheck.positionOf(stamp));
    }

    @Test
    void everyStateTheWriterPassesThroughIsConsistentInAnyVisitOrder() {
        ViewCheck check = new ViewCheck(new int[] {10});
        Random random = new Random(1);
        for (long generation = 1; generation <= 3; generation++) {
            for (int step = 0; step < 20; step++) {
                List<Long> stamps = state(0, 10, generation, step);
                Collections.shuffle(stamps, random);
                assertTrue(check(check, stamps), "generation " + generation + " step " + step + ": " + stamps);
                assertEquals(stamps.size(), check.visited());
            }
        }
    }

    @Test
    void viewThatSawAnOlderKeyBeforeTheWriterAndANewerOneAfterItIsMixed() {
        ViewCheck check = new ViewCheck(new int[] {10});
        // The walk read position 2 while the writer was at 1 (generation 4 still), then position 5 after the
        // writer had rewritten it in generation 5: position 2 old, position 5 new, never both at once.
        List<Long> stamps = new ArrayList<>(state(0, 10, 5, 12)); // writer at position 6: 0..5 new
        stamps.set(2, ViewCheck.stamp(4, 0, 2));

        assertFalse(check(check, stamps));
    }

    @Test
    void viewSpanningTwoPassesOrMissingTwoKeysOrSeeingOneTwiceIsMixed() {
        ViewCheck check = new ViewCheck(new int[] {10});
        List<Long> twoPassesApart = new ArrayList<>(state(0, 10, 5, 8)); // 0..3 in generation 5, the rest in 4
        twoPassesApart.set(9, ViewCheck.stamp(3, 0, 9));
        List<Long> twoMissing = new ArrayList<>(state(0, 10, 5, 0));
        twoMissing.remove(9);
        twoMissing.remove(3);
        List<Long> oneTwice = new ArrayList<>(state(0, 10, 5, 8));
        oneTwice.add(ViewCheck.stamp(5, 0, 1));

        assertFalse(check(check, twoPassesApart));
        assertFalse(check(check, twoMissing));
        assertFalse(check(check, oneTwice));
        assertEquals(11, check.visited());
    }

    @Test
    void eachWritersSliceIsCheckedOnItsOwn() {
        ViewCheck check = new ViewCheck(new int[] {6, 5});
        List<Long> both = new ArrayList<>(state(0, 6, 2, 7));
        both.addAll(state(1, 5, 9, 0)); // the other writer far ahead in its own passes: still a real state
        assertTrue(check(check, both));

        both.set(both.size() - 1, ViewCheck.stamp(10, 1, 4)); // writer 1: position 4 new while 0..3 are old
        assertFalse(check(check, both));
    }

    @Test
    void refusesSlicesItsStampsCannotAddress() {
        assertThrows(IllegalArgumentException.class, () -> new ViewCheck(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new ViewCheck(new int[] {ViewCheck.MAX_SLICE + 1}));
    }
}
