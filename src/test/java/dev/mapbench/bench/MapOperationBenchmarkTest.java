package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadSpec;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The named-workload benchmark runs what its workload says, on every strategy that can. */
@Tag("slow")
class MapOperationBenchmarkTest {

    private static MapOperationBenchmark.Shared shared(String strategy, String workload, int threads) {
        MapOperationBenchmark.Shared shared = new MapOperationBenchmark.Shared();
        shared.strategy = strategy;
        shared.workload = workload;
        shared.setUp(threads);
        return shared;
    }

    static java.util.stream.Stream<String> presets() {
        return Presets.all().stream().map(WorkloadSpec::name);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetRunsOnEverySafeStrategyOfTheMainJob(String preset) {
        for (MapStrategy strategy : MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).toList()) {
            if (strategy == MapStrategy.COPY_ON_WRITE && Presets.named(preset).grows()) {
                continue; // copying a growing map per insert: a million-step sequence would take minutes here
            }
            MapOperationBenchmark.Shared shared = shared(strategy.name(), preset, 2);
            MapOperationBenchmark.Cursor cursor = new MapOperationBenchmark.Cursor();
            cursor.start(shared, 0, 0);
            for (int i = 0; i < 2_000; i++) {
                cursor.step(shared.map);
            }
            if (!shared.spec.grows()) {
                assertTrue(Math.abs(shared.map.size() - shared.spec.size()) <= 1, strategy + " " + preset
                        + ": a steady map stays within a key of its size: " + shared.map.size());
            }
            shared.checkState(); // a correct map passes the tear-down's state check
        }
    }

    @Test
    void theTearDownFailsAForkWhoseMapLostEntriesAtSize() {
        // filled through ConcurrentHashMap.putAll, which its override of put does not see: the losses come later
        MapOperationBenchmark.Shared small = new MapOperationBenchmark.Shared();
        small.strategy = ForgetfulMap.class.getName();
        small.workload = "sessions";
        small.setUp(1);
        MapOperationBenchmark.Cursor cursor = new MapOperationBenchmark.Cursor();
        cursor.start(small, 0, 0);
        for (int i = 0; i < 5_000; i++) {
            cursor.step(small.map);
        }
        IllegalStateException corrupted = assertThrows(IllegalStateException.class, small::checkState);
        assertTrue(corrupted.getMessage().startsWith(StateCheck.CORRUPTED + ": "), corrupted.getMessage());
        assertTrue(corrupted.getMessage().contains("missing"), corrupted.getMessage());
    }

    @Test
    void countersCountEveryMerge() {
        MapOperationBenchmark.Shared shared = shared("CONCURRENT_HASHMAP", "counters", 1);
        long before = sum(shared);
        MapOperationBenchmark.Cursor cursor = new MapOperationBenchmark.Cursor();
        cursor.start(shared, 0, 0);
        for (int i = 0; i < 10_000; i++) {
            cursor.step(shared.map);
        }
        assertEquals(before + 10_000, sum(shared));
    }

    private static long sum(MapOperationBenchmark.Shared shared) {
        AtomicLong total = new AtomicLong();
        shared.map.forEach((key, value) -> total.addAndGet((Long) value));
        return total.get();
    }

    @Test
    void aGrowingWorkloadStartsEveryIterationFromTheSameMap() {
        MapOperationBenchmark.Shared shared = shared("CONCURRENT_HASHMAP", "growth", 1);
        MapOperationBenchmark.Cursor cursor = new MapOperationBenchmark.Cursor();
        cursor.start(shared, 0, 0);
        for (int i = 0; i < 5_000; i++) {
            cursor.step(shared.map);
        }
        assertEquals(5_000, shared.map.size(), "every insert a new key");
        shared.refill();
        cursor.rewind(shared);
        assertEquals(0, shared.map.size());
    }

    @Test
    void aStrategyThatIsNotThreadSafeRunsOnlyWorkloadsThatDoNotWrite() {
        shared("UNSYNCHRONIZED_HASHMAP", "strings-built", 2);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> shared("UNSYNCHRONIZED_HASHMAP", "cache", 2));
        assertTrue(refused.getMessage().contains("not thread-safe"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shared("CONCURRENT_HASHMAP", "config", 1),
                "readers and a writer need two threads");
    }
}
