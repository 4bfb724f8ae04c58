package dev.mapbench.hazard;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lost updates: two threads put distinct keys into one shared map, so every key must end up in it.
 *
 * <p>An unsynchronized {@code HashMap} loses some: two threads resizing the table or filling the same
 * bin at once overwrite each other's work, and its {@code size} counter, incremented without
 * synchronization, stops matching what an iteration finds. The safe strategies lose nothing under the
 * same workload. The map starts small so that it resizes many times while the writers run.
 */
@Tag("slow")
class LostUpdatesHazardTest {

    private static final int WRITERS = 2;
    private static final int KEYS_PER_WRITER = 50_000;
    /** Copy-on-write copies the whole map per put, so it gets fewer keys: the question is the same. */
    private static final int KEYS_PER_WRITER_COPY_ON_WRITE = 1_000;
    /** The strategies whose every write copies the whole map (the persistent one copies one path). */
    private static final Set<MapStrategy> WHOLE_MAP_COPY = Set.of(MapStrategy.COPY_ON_WRITE,
            MapStrategy.COPY_ON_WRITE_ATOMIC_REFERENCE);
    private static final long BUDGET_MILLIS = 4_000;
    /** Rounds played at least, so the recorded rate rests on more than the first lucky round. */
    private static final int MIN_ROUNDS = 50;

    /** What one round left behind. */
    private record Round(int expected, int visited, int size, Race.Outcome outcome) {
        int lost() {
            return expected - visited;
        }
    }

    @Test
    void unsynchronizedHashMapLosesEntriesAndMiscountsItsSize() throws Exception {
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 0;
        long lostTotal = 0;
        int roundsWithLoss = 0;
        int roundsWithWrongSize = 0;
        int roundsWithCrash = 0;
        while (!bound.expired() && (rounds < MIN_ROUNDS || roundsWithLoss == 0 || roundsWithWrongSize == 0)) {
            Round round = playRound(MapStrategy.UNSYNCHRONIZED_HASHMAP, KEYS_PER_WRITER,
                    Race.UNSAFE_WRITERS_MILLIS);
            rounds++;
            if (!round.outcome().clean() || round.visited() < 0) {
                roundsWithCrash++; // a writer threw or hung, or a bin holds a cycle: corrupted, not counted
                continue;
            }
            lostTotal += Math.max(0, round.lost());
            roundsWithLoss += round.lost() > 0 ? 1 : 0;
            roundsWithWrongSize += round.size() != round.visited() ? 1 : 0;
        }
        double seconds = bound.elapsedSeconds();
        HazardRates.record(new HazardObservation("lost-updates", "UNSYNCHRONIZED_HASHMAP", roundsWithLoss > 0,
                rounds, seconds, (double) lostTotal / rounds, "lost entries per round",
                WRITERS + " threads x " + KEYS_PER_WRITER + " distinct keys per round; " + roundsWithLoss
                        + " of " + rounds + " rounds lost entries, " + roundsWithWrongSize
                        + " had size() != entries iterated, " + roundsWithCrash + " had a writer throw or hang"));
        assertTrue(roundsWithLoss > 0, "no entry lost in " + rounds + " rounds");
        assertTrue(roundsWithWrongSize > 0, "size() always matched the contents in " + rounds + " rounds");
    }

    static List<MapStrategy> safeStrategies() {
        return MapStrategy.safeStrategies();
    }

    @ParameterizedTest
    @MethodSource("safeStrategies")
    void safeStrategyKeepsEveryEntryAndCountsItExactly(MapStrategy strategy) throws Exception {
        int keysPerWriter = WHOLE_MAP_COPY.contains(strategy) ? KEYS_PER_WRITER_COPY_ON_WRITE : KEYS_PER_WRITER;
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 3;
        long lostTotal = 0;
        for (int i = 0; i < rounds; i++) {
            Round round = playRound(strategy, keysPerWriter, Race.SAFE_WRITERS_MILLIS);
            assertTrue(round.outcome().clean(), () -> strategy + ": a writer failed: " + round.outcome());
            assertEquals(round.expected(), round.visited(), strategy + ": entries iterated");
            assertEquals(round.expected(), round.size(), strategy + ": size()");
            lostTotal += round.lost();
        }
        HazardRates.record(new HazardObservation("lost-updates", strategy.name(), lostTotal > 0, rounds,
                bound.elapsedSeconds(), (double) lostTotal / rounds, "lost entries per round",
                WRITERS + " threads x " + keysPerWriter + " distinct keys per round; size() matched the "
                        + "contents in every round"));
    }

    private static Round playRound(MapStrategy strategy, int keysPerWriter, long writersMillis)
            throws InterruptedException {
        SharedMap<Long, Integer> map = strategy.create(0);
        Race.Outcome outcome = Race.run(WRITERS, writer -> {
            // Interleaved keys, so both writers fill the same region of the table at the same time.
            for (long key = writer; key < (long) WRITERS * keysPerWriter; key += WRITERS) {
                map.put(key, writer);
            }
        }, writersMillis);
        int expected = WRITERS * keysPerWriter;
        return new Round(expected, countByIterating(map, expected), map.size(), outcome);
    }

    /** Entries seen by one walk, or -1 past a cap, because a corrupted bin can hold a cycle. */
    static int countByIterating(SharedMap<Long, Integer> map, int expected) {
        int[] visited = new int[1];
        int cap = 2 * expected + 16;
        try {
            map.forEach((key, value) -> {
                if (++visited[0] > cap) {
                    throw new IllegalStateException("cycle");
                }
            });
        } catch (IllegalStateException cycle) {
            return -1;
        }
        return visited[0];
    }
}
