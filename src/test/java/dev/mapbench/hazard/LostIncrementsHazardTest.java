package dev.mapbench.hazard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lost increments: two threads count into one shared map with {@code merge(k, 1L, Long::sum)}, the counters
 * workload, so the counts must add up to the increments made.
 *
 * <p>An unsynchronized {@code HashMap}'s {@code merge} reads the old count and writes the sum with nothing
 * between the two: two threads that read the same count both write count + 1, and one increment is lost. The
 * safe strategies' {@code merge} is atomic and loses none. Few keys, so the threads hit the same counter
 * often (hot keys, as with Zipf-skewed request counts).
 */
@Tag("slow")
class LostIncrementsHazardTest {

    private static final int THREADS = 2;
    private static final int KEYS = 8;
    private static final int INCREMENTS_PER_THREAD = 200_000;
    /** Copy-on-write copies the map per increment: fewer, the question is the same. */
    private static final int INCREMENTS_PER_THREAD_COPY_ON_WRITE = 20_000;
    private static final Set<MapStrategy> WHOLE_MAP_COPY = Set.of(MapStrategy.COPY_ON_WRITE,
            MapStrategy.COPY_ON_WRITE_ATOMIC_REFERENCE, MapStrategy.PERSISTENT_COPY_ON_WRITE);
    private static final long BUDGET_MILLIS = 4_000;
    private static final int MIN_ROUNDS = 20;

    /** What one round counted. */
    private record Round(long expected, long counted, Race.Outcome outcome) {
        long lost() {
            return expected - counted;
        }
    }

    @Test
    void unsynchronizedHashMapLosesIncrements() throws Exception {
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 0;
        int roundsWithLoss = 0;
        long lostTotal = 0;
        while (!bound.expired() && (rounds < MIN_ROUNDS || roundsWithLoss == 0)) {
            Round round = playRound(MapStrategy.UNSYNCHRONIZED_HASHMAP, INCREMENTS_PER_THREAD, Race.UNSAFE_WRITERS_MILLIS);
            rounds++;
            if (!round.outcome().clean()) {
                continue; // a thread threw or hung inside the corrupted table: not a count
            }
            roundsWithLoss += round.lost() > 0 ? 1 : 0;
            lostTotal += Math.max(0, round.lost());
        }
        HazardRates.record(new HazardObservation("lost-increments", "UNSYNCHRONIZED_HASHMAP", roundsWithLoss > 0, rounds,
                bound.elapsedSeconds(), (double) lostTotal / rounds, "lost increments per round", THREADS + " threads x "
                        + INCREMENTS_PER_THREAD + " merge(k, 1L, Long::sum) over " + KEYS + " keys per round; "
                        + roundsWithLoss + " of " + rounds + " rounds lost increments"));
        assertTrue(roundsWithLoss > 0, "no increment lost in " + rounds + " rounds");
    }

    static List<MapStrategy> safeStrategies() {
        return MapStrategy.safeStrategies();
    }

    @ParameterizedTest
    @MethodSource("safeStrategies")
    void safeStrategyCountsEveryIncrement(MapStrategy strategy) throws Exception {
        int increments = WHOLE_MAP_COPY.contains(strategy) ? INCREMENTS_PER_THREAD_COPY_ON_WRITE : INCREMENTS_PER_THREAD;
        TimeBound bound = TimeBound.ofMillis(BUDGET_MILLIS);
        int rounds = 3;
        for (int i = 0; i < rounds; i++) {
            Round round = playRound(strategy, increments, Race.SAFE_WRITERS_MILLIS);
            assertTrue(round.outcome().clean(), () -> strategy + ": a thread failed: " + round.outcome());
            assertEquals(round.expected(), round.counted(), strategy + ": the counts add up to the increments made");
        }
        HazardRates.record(new HazardObservation("lost-increments", strategy.name(), false, rounds,
                bound.elapsedSeconds(), 0, "lost increments per round", THREADS + " threads x " + increments
                        + " merge(k, 1L, Long::sum) over " + KEYS + " keys per round; every increment counted"));
    }

    private static Round playRound(MapStrategy strategy, int increments, long millis) throws InterruptedException {
        SharedMap<Long, Long> counters = strategy.create(KEYS);
        Race.Outcome outcome = Race.run(THREADS, thread -> {
            for (int i = 0; i < increments; i++) {
                counters.merge((long) ((i * 7 + thread) % KEYS), 1L, Long::sum);
            }
        }, millis);
        long[] counted = new long[1];
        counters.forEach((key, count) -> counted[0] += count);
        return new Round((long) THREADS * increments, counted[0], outcome);
    }
}
