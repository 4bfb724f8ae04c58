package dev.mapbench.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code MapIterationBenchmark} relies on: each safe strategy's {@link SharedMap#forEach}, walked while
 * two writers insert and remove other keys (growing the map from a small table, so the hash tables resize
 * under the walk), never throws, and visits every entry present for the whole walk exactly once with its
 * value. The entries present throughout are {@value #STABLE} keys no writer touches; the writers churn
 * {@value #CHURN} other keys. A lossy map shows the check can fail.
 */
@Tag("slow")
class ForEachUnderWritersTest {

    static final int STABLE = 2_000;
    static final int CHURN = 3_000;
    private static final int ROUNDS = 4;
    private static final long ROUND_MILLIS = 100;
    private static final int MIN_WALKS_PER_ROUND = 5;

    /** What the walks of every round saw: walks, how many raced a write, and what went wrong (the first 10 problems). */
    record Outcome(long walks, long racedWalks, long writes, List<String> problems) {
    }

    static List<MapStrategy> safeStrategies() {
        return MapStrategy.safeStrategies();
    }

    @ParameterizedTest
    @MethodSource("safeStrategies")
    void forEachNeitherThrowsNorMissesAnEntryPresentForTheWholeWalk(MapStrategy strategy) throws Exception {
        Outcome outcome = walkWhileWriting(() -> strategy.create(16));

        assertEquals(List.of(), outcome.problems(), strategy + ": " + outcome);
        assertTrue(outcome.writes() > 0 && outcome.walks() >= ROUNDS * MIN_WALKS_PER_ROUND, "nothing raced: " + outcome);
        assertTrue(outcome.racedWalks() > 0, "no write landed during any walk: " + outcome);
    }

    @Test
    void aWalkThatDropsEntriesOnceWritersInterfereIsCaught() throws Exception {
        Outcome outcome = walkWhileWriting(LossyMap::new);

        assertFalse(outcome.problems().isEmpty(), outcome.toString());
        assertTrue(outcome.problems().get(0).contains("seen 0 times"), outcome.problems().get(0));
    }

    static Outcome walkWhileWriting(Supplier<SharedMap<Long, Long>> maps) throws InterruptedException {
        long walks = 0;
        long raced = 0;
        AtomicLong writes = new AtomicLong();
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            SharedMap<Long, Long> map = maps.get();
            for (long key = 0; key < STABLE; key++) {
                map.put(key, 3 * key);
            }
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = List.of(churn(map, 0, stop, writes), churn(map, 1, stop, writes));
            writers.forEach(Thread::start);
            long end = System.nanoTime() + ROUND_MILLIS * 1_000_000;
            try {
                for (int walk = 0; walk < MIN_WALKS_PER_ROUND || System.nanoTime() < end; walk++) {
                    long before = writes.get();
                    walkOnce(map, problems);
                    walks++;
                    if (writes.get() != before) {
                        raced++;
                    }
                }
            } finally {
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(10_000);
                }
            }
        }
        return new Outcome(walks, raced, writes.get(), List.copyOf(problems));
    }

    private static void walkOnce(SharedMap<Long, Long> map, List<String> problems) {
        List<String> found = new ArrayList<>();
        int[] seen = new int[STABLE];
        try {
            map.forEach((key, value) -> {
                if (key < STABLE) {
                    seen[(int) (long) key]++;
                    if (value != 3 * key) {
                        found.add("key " + key + " had value " + value);
                    }
                }
            });
        } catch (RuntimeException | Error e) {
            found.add("forEach threw " + e);
        }
        for (int key = 0; key < STABLE && found.isEmpty(); key++) {
            if (seen[key] != 1) {
                found.add("key " + key + " seen " + seen[key] + " times");
            }
        }
        if (problems.size() < 10) {
            problems.addAll(found.subList(0, Math.min(found.size(), 10 - problems.size())));
        }
    }

    /** Writer {@code index} inserts its half of the churn keys, then removes them, until stopped. */
    private static Thread churn(SharedMap<Long, Long> map, int index, AtomicBoolean stop, AtomicLong writes) {
        Thread thread = new Thread(() -> {
            long first = 1_000_000L + index * (long) CHURN;
            while (!stop.get()) {
                for (long key = first; key < first + CHURN / 2 && !stop.get(); key++) {
                    map.put(key, key);
                    writes.incrementAndGet();
                }
                for (long key = first; key < first + CHURN / 2 && !stop.get(); key++) {
                    map.remove(key);
                    writes.incrementAndGet();
                }
            }
        }, "churn-" + index);
        thread.setDaemon(true);
        return thread;
    }

    /** A broken walk: once a write lands during it, it drops every entry it has not reached yet. */
    private static final class LossyMap implements SharedMap<Long, Long> {
        private final SharedMap<Long, Long> map = new ConcurrentHashMapStrategy<>(16);
        private final AtomicLong writes = new AtomicLong();

        @Override
        public Long get(Long key) {
            return map.get(key);
        }

        @Override
        public Long put(Long key, Long value) {
            writes.incrementAndGet();
            return map.put(key, value);
        }

        @Override
        public Long remove(Long key) {
            writes.incrementAndGet();
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void forEach(BiConsumer<? super Long, ? super Long> action) {
            long start = writes.get();
            map.forEach((key, value) -> {
                if (writes.get() == start) {
                    action.accept(key, value);
                }
            });
        }
    }
}
