package dev.mapbench.hazard;

import dev.mapbench.maps.GuardedLongMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copying the wrapper layer: {@link GuardedLongMap#shallowCopy()} gives the copy a lock of its own but
 * shares the original's {@code HashMap}, so a writer using the copy and a writer using the original each
 * hold a different lock over the same storage: the map is written by two threads unprotected. It loses
 * entries and its {@code count()} drifts from what it holds. {@link GuardedLongMap#deepCopy()} copies
 * the storage, and the two maps stay independent.
 *
 * <p>After each round the ids are looked up one by one with {@code find}, which does not depend on the
 * map's (possibly wrong) size field the way {@code snapshot()} does.
 */
@Tag("slow")
class ShallowCopyHazardTest {

    private static final int IDS_PER_WRITER = 50_000;
    private static final long BUDGET_MILLIS = 4_000;
    private static final int MIN_ROUNDS = 30;

    /** What one round left in the original and in the copy. */
    private record Round(Set<Long> idsInOriginal, Set<Long> idsInCopy, int originalCount, Race.Outcome outcome) {
    }

    @Test
    void shallowCopySharesTheOriginalsStorage() {
        GuardedLongMap<String> original = new GuardedLongMap<>(4);
        GuardedLongMap<String> copy = original.shallowCopy();
        copy.store(7, "written through the copy");
        assertEquals("written through the copy", original.find(7).orElseThrow());
    }

    @Test
    void writersThroughOriginalAndShallowCopyLoseEntries() throws Exception {
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 0;
        long lostTotal = 0;
        int roundsWithLoss = 0;
        int roundsWithWrongCount = 0;
        int roundsWithCrash = 0;
        while (!bound.expired() && (rounds < MIN_ROUNDS || roundsWithLoss == 0)) {
            Round round = playRound(true);
            rounds++;
            if (!round.outcome().clean()) {
                roundsWithCrash++; // a writer threw or hung on a corrupted bin
                continue;
            }
            int lost = 2 * IDS_PER_WRITER - round.idsInOriginal().size();
            lostTotal += lost;
            roundsWithLoss += lost > 0 ? 1 : 0;
            roundsWithWrongCount += round.originalCount() != round.idsInOriginal().size() ? 1 : 0;
        }
        HazardRates.record(new HazardObservation("shallow-copy-race", "WRAPPER_LAYER shallowCopy()",
                roundsWithLoss + roundsWithWrongCount + roundsWithCrash > 0, rounds, bound.elapsedSeconds(),
                (double) lostTotal / rounds, "lost entries per round",
                "one thread stores " + IDS_PER_WRITER + " ids through the original, one through its shallow copy; "
                        + roundsWithLoss + " of " + rounds + " rounds lost entries, " + roundsWithWrongCount
                        + " had count() != entries held, " + roundsWithCrash + " had a writer throw or hang"));
        assertTrue(roundsWithLoss > 0, "no entry lost in " + rounds + " rounds");
        assertTrue(roundsWithWrongCount > 0, "count() always matched the entries in " + rounds + " rounds");
    }

    @Test
    void writersThroughOriginalAndDeepCopyKeepTheirOwnEntries() throws Exception {
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            Round round = playRound(false);
            assertTrue(round.outcome().clean(), () -> "a writer failed: " + round.outcome());
            assertEquals(idsOf(0), round.idsInOriginal(), "the original holds exactly its writer's ids");
            assertEquals(idsOf(1), round.idsInCopy(), "the deep copy holds exactly its writer's ids");
            assertEquals(IDS_PER_WRITER, round.originalCount());
        }
        HazardRates.record(new HazardObservation("shallow-copy-race", "WRAPPER_LAYER deepCopy()", false, rounds,
                bound.elapsedSeconds(), 0, "lost entries per round",
                "one thread stores " + IDS_PER_WRITER + " ids through the original, one through its deep copy; "
                        + "each kept exactly its own ids, and count() matched, in every round"));
    }

    private static Round playRound(boolean shallow) throws InterruptedException {
        GuardedLongMap<Integer> original = new GuardedLongMap<>(0);
        GuardedLongMap<Integer> copy = shallow ? original.shallowCopy() : original.deepCopy();
        Race.Outcome outcome = Race.run(2, writer -> {
            GuardedLongMap<Integer> target = writer == 0 ? original : copy;
            for (long id = writer; id < 2L * IDS_PER_WRITER; id += 2) {
                target.store(id, writer);
            }
        }, shallow ? Race.UNSAFE_WRITERS_MILLIS : Race.SAFE_WRITERS_MILLIS);
        if (!outcome.clean()) {
            return new Round(Set.of(), Set.of(), -1, outcome);
        }
        return new Round(idsPresent(original), idsPresent(copy), original.count(), outcome);
    }

    /** The ids either writer may have stored that {@code map} finds. */
    private static Set<Long> idsPresent(GuardedLongMap<Integer> map) {
        Set<Long> ids = new HashSet<>();
        for (long id = 0; id < 2L * IDS_PER_WRITER; id++) {
            if (map.find(id).isPresent()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The ids writer {@code writer} stores: every second id from {@code writer} on. */
    private static Set<Long> idsOf(int writer) {
        Set<Long> ids = new HashSet<>();
        for (long id = writer; id < 2L * IDS_PER_WRITER; id += 2) {
            ids.add(id);
        }
        return ids;
    }
}
