package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.bench.WorkloadSequence;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's operation sequence (src/jmh), pinned here because the runner's matrix relies on it. */
class WorkloadSequenceTest {

    @Test
    void writeShareIsExactAndHalfRemovesHalfPuts() {
        WorkloadSequence sequence = WorkloadSequence.generate(100, 95, KeyDistribution.UNIFORM);
        int removes = 0;
        int puts = 0;
        for (byte operation : sequence.operations()) {
            removes += operation == WorkloadSequence.REMOVE ? 1 : 0;
            puts += operation == WorkloadSequence.PUT ? 1 : 0;
        }
        assertEquals(Math.round(WorkloadSequence.LENGTH * 0.05) / 2, removes);
        assertEquals(removes, puts);
    }

    @Test
    void walkingTheSequenceFromAnyOffsetKeepsTheSizeWithinOneEntry() {
        WorkloadSequence sequence = WorkloadSequence.generate(100, 50, KeyDistribution.ZIPFIAN);
        for (int offset : new int[] {0, WorkloadSequence.startOffset(1), WorkloadSequence.startOffset(3)}) {
            Map<Long, Long> map = new HashMap<>();
            for (Long key : sequence.residentKeys()) {
                map.put(key, key);
            }
            for (int i = 0; i < 2 * WorkloadSequence.LENGTH; i++) {
                int step = (offset + i) & WorkloadSequence.MASK;
                Long key = sequence.keys()[step];
                if (sequence.operations()[step] == WorkloadSequence.REMOVE) {
                    map.remove(key);
                } else if (sequence.operations()[step] == WorkloadSequence.PUT) {
                    map.put(key, key);
                }
                assertTrue(map.size() >= 99 && map.size() <= 100, "size " + map.size() + " at step " + i);
            }
            if (offset == 0) {
                assertEquals(100, map.size(), "whole cycles from the start restore every key");
            }
        }
    }

    @Test
    void sequenceIsTheSameOnEveryCall() {
        WorkloadSequence first = WorkloadSequence.generate(10_000, 75, KeyDistribution.ZIPFIAN);
        WorkloadSequence second = WorkloadSequence.generate(10_000, 75, KeyDistribution.ZIPFIAN);
        assertArrayEquals(first.keys(), second.keys());
        assertArrayEquals(first.operations(), second.operations());
    }

    @Test
    void zipfianConcentratesOnHotKeysAndUniformDoesNot() {
        assertTrue(hottestShare(KeyDistribution.ZIPFIAN) > 0.05, "zipf hottest key share");
        assertTrue(hottestShare(KeyDistribution.UNIFORM) < 0.001, "uniform hottest key share");
    }

    private static double hottestShare(KeyDistribution distribution) {
        WorkloadSequence sequence = WorkloadSequence.generate(10_000, 100, distribution);
        Map<Long, Integer> counts = new HashMap<>();
        for (Long key : sequence.keys()) {
            counts.merge(key, 1, Integer::sum);
        }
        Set<Long> resident = new HashSet<>(java.util.List.of(sequence.residentKeys()));
        assertTrue(resident.containsAll(counts.keySet()));
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) WorkloadSequence.LENGTH;
    }
}
