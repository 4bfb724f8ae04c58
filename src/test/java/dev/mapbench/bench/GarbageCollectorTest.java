package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {

    @Test
    void parsesTheDocumentedListInOrder() {
        assertEquals(List.of(GarbageCollector.G1, GarbageCollector.PARALLEL, GarbageCollector.Z),
                GarbageCollector.parseList("G1,Parallel,Z"));
    }

    @Test
    void namesAreCaseInsensitiveAllowGcSuffixAndDropRepeats() {
        assertEquals(List.of(GarbageCollector.Z, GarbageCollector.PARALLEL),
                GarbageCollector.parseList(" zgc, parallelGC ,Z,"));
        assertEquals(List.of(GarbageCollector.G1), GarbageCollector.parseList("G1GC"));
    }

    @Test
    void unknownCollectorIsNamedInTheError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GarbageCollector.parseList("G1,Shenandoah"));
        assertTrue(error.getMessage().contains("'Shenandoah'"), error.getMessage());
        assertTrue(error.getMessage().contains("G1, Parallel, Z"), error.getMessage());
    }

    @Test
    void emptyListIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> GarbageCollector.parseList(" , "));
    }

    @Test
    void flagsSelectTheCollector() {
        assertEquals("-XX:+UseG1GC", GarbageCollector.G1.jvmFlag());
        assertEquals("-XX:+UseParallelGC", GarbageCollector.PARALLEL.jvmFlag());
        assertEquals("-XX:+UseZGC", GarbageCollector.Z.jvmFlag());
    }

    @Test
    void recognisesCollectorsByTheirMxBeanNamesOnJdk17AndLater() {
        assertEquals(GarbageCollector.G1, GarbageCollector.fromMxBeanNames(
                List.of("G1 Young Generation", "G1 Old Generation", "G1 Concurrent GC")));
        assertEquals(GarbageCollector.PARALLEL, GarbageCollector.fromMxBeanNames(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals(GarbageCollector.Z, GarbageCollector.fromMxBeanNames(List.of("ZGC Cycles", "ZGC Pauses")));
        assertEquals(GarbageCollector.Z, GarbageCollector.fromMxBeanNames(
                List.of("ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles", "ZGC Major Pauses")));
        assertNull(GarbageCollector.fromMxBeanNames(List.of("Copy", "MarkSweepCompact")));
        assertNull(GarbageCollector.fromMxBeanNames(List.of()));
    }
}
