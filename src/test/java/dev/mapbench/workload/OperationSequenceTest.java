package dev.mapbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapOperation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The generated sequences do what a workload says, in its exact proportions, and keep a steady map steady. */
@Tag("slow")
class OperationSequenceTest {

    @Test
    void everyOperationTakesItsExactShare() {
        OperationSequence sequence = OperationSequence.generate(Presets.named("ycsb-b"), Presets.named("ycsb-b").mix(), 0);
        Map<MapOperation, Integer> counts = sequence.counts();
        assertEquals(Math.round(0.95 * OperationSequence.STEADY_LENGTH), counts.get(MapOperation.GET), 1);
        assertEquals(Math.round(0.05 * OperationSequence.STEADY_LENGTH), counts.get(MapOperation.UPDATE), 1);
    }

    @Test
    void aRemovedKeyIsTakenBackByTheThreadsNextRefillSoEveryRemoveIsOneMiss() {
        WorkloadSpec cache = Presets.named("cache");
        OperationSequence sequence = OperationSequence.generate(cache, cache.mix(), 1);
        Set<Integer> absent = new HashSet<>();
        int misses = 0;
        int calls = 0;
        for (int step = 0; step < sequence.length(); step++) {
            int key = sequence.keys()[step];
            if (sequence.operations()[step] == MapOperation.REMOVE) {
                absent.add(key);
            } else {
                calls++;
                misses += absent.remove(key) ? 1 : 0;
            }
        }
        assertTrue(absent.size() <= 1, "at most the last remove's key is absent at the wrap: " + absent.size());
        double hits = 1 - (double) misses / calls;
        assertEquals(0.889, hits, 0.005, "about 89 % of computeIfAbsent calls hit");
    }

    @Test
    void aGrowingWorkloadInsertsKeysThatWereNeverInTheMapEachThreadItsOwn() {
        WorkloadSpec growth = Presets.named("ycsb-d");
        OperationSequence first = OperationSequence.generate(growth, growth.mix(), 0);
        OperationSequence second = OperationSequence.generate(growth, growth.mix(), 1);
        assertEquals(Math.round(0.05 * OperationSequence.GROWING_LENGTH), first.freshKeys().length, 1);
        Set<Integer> seen = new HashSet<>();
        for (int key : first.freshKeys()) {
            assertTrue(key >= growth.size() && seen.add(key));
        }
        for (int key : second.freshKeys()) {
            assertTrue(seen.add(key), "threads insert different keys");
        }
        // latest: reads go mostly to what this thread inserted recently
        int recent = 0;
        int reads = 0;
        for (int step = OperationSequence.GROWING_LENGTH / 2; step < OperationSequence.GROWING_LENGTH; step++) {
            if (first.operations()[step] == MapOperation.GET) {
                reads++;
                recent += first.keys()[step] >= growth.size() ? 1 : 0;
            }
        }
        assertTrue(recent > 0.9 * reads, "latest reads hit the newest keys: " + recent + " of " + reads);
    }

    @Test
    void zipfAndHotspotSkewTheKeys() {
        WorkloadSpec counters = Presets.named("counters");
        int[] hits = new int[counters.size()];
        for (int key : OperationSequence.generate(counters, counters.mix(), 0).keys()) {
            hits[key]++;
        }
        int[] sorted = java.util.Arrays.stream(hits).sorted().toArray();
        long hottestPercent = java.util.Arrays.stream(sorted, sorted.length - counters.size() / 100, sorted.length).sum();
        assertTrue(hottestPercent > 0.3 * OperationSequence.STEADY_LENGTH, "the hottest 1 % of keys take a large share: "
                + hottestPercent);
        WorkloadSpec hotspot = new WorkloadSpec("hot", "", Map.of(MapOperation.GET, 100), List.of(), KeyType.LONG, 1000,
                new Distribution.Hotspot(90, 10), false, true, 0, List.of());
        int[] keys = OperationSequence.generate(hotspot, hotspot.mix(), 0).keys();
        Set<Integer> hotSet = new HashSet<>();
        java.util.Map<Integer, Integer> perKey = new java.util.HashMap<>();
        for (int key : keys) {
            perKey.merge(key, 1, Integer::sum);
        }
        perKey.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(100).forEach(e -> hotSet.add(e.getKey()));
        long inHot = java.util.Arrays.stream(keys).filter(hotSet::contains).count();
        assertEquals(0.9, (double) inHot / keys.length, 0.02, "90 % of operations on 10 % of the keys");
    }

    @Test
    void rolesSplitTheThreads() {
        WorkloadSpec config = Presets.named("config");
        assertEquals(List.of(1, 1), config.threadsPerRole(2));
        assertEquals(List.of(7, 1), config.threadsPerRole(8));
        assertEquals(2, config.minimumThreads());
        assertTrue(config.writes());
        assertTrue(!Presets.named("strings").writes());
    }
}
