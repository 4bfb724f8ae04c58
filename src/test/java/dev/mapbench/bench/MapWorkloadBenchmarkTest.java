package dev.mapbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Param;

/**
 * The timed method performs exactly the operations {@link WorkloadSequence} lists, in order, from any
 * thread's start offset and across the wrap: the cursor's next-write shortcut must not change the workload.
 */
class MapWorkloadBenchmarkTest {

    /** Records every call instead of storing anything. */
    private static final class RecordingMap implements SharedMap<Long, Long> {
        final List<String> calls = new ArrayList<>();

        @Override
        public Long get(Long key) {
            calls.add("get " + key);
            return key;
        }

        @Override
        public Long put(Long key, Long value) {
            calls.add("put " + key);
            return null;
        }

        @Override
        public Long remove(Long key) {
            calls.add("remove " + key);
            return key;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public void forEach(BiConsumer<? super Long, ? super Long> action) {
        }
    }

    @Test
    void theTearDownPassesACorrectMapAndFailsOneThatLostEntriesAtSize() {
        MapWorkloadBenchmark.Workload good = workload(50, KeyDistribution.UNIFORM);
        MapWorkloadBenchmark.Cursor cursor = new MapWorkloadBenchmark.Cursor();
        cursor.startAt(good, 0);
        MapWorkloadBenchmark benchmark = new MapWorkloadBenchmark();
        for (int i = 0; i < 10_000; i++) {
            benchmark.operation(good, cursor);
        }
        StateCheck passed = new StateCheck().residentKeys(good.map, good.residentKeys, 1,
                (id, value) -> value.equals(good.residentKeys[id])).size(good.map, good.size - 1, good.size);
        assertTrue(passed.passed(), passed.evidence());

        MapWorkloadBenchmark.Workload lossy = new MapWorkloadBenchmark.Workload();
        lossy.strategy = ForgetfulMap.class.getName();
        lossy.readPercent = 50;
        lossy.size = 1000;
        lossy.keyDistribution = KeyDistribution.UNIFORM;
        lossy.writes = dev.mapbench.workload.GridWrites.REMOVE_INSERT;
        lossy.fill();
        MapWorkloadBenchmark.Cursor lossyCursor = new MapWorkloadBenchmark.Cursor();
        lossyCursor.startAt(lossy, 0);
        for (int i = 0; i < 10_000; i++) {
            benchmark.operation(lossy, lossyCursor);
        }
        StateCheck failed = new StateCheck().residentKeys(lossy.map, lossy.residentKeys, 1,
                (id, value) -> value.equals(lossy.residentKeys[id])).size(lossy.map, lossy.size - 1, lossy.size);
        assertTrue(!failed.passed() && failed.evidence().contains("missing"), failed.evidence());
        IllegalStateException corrupted = assertThrows(IllegalStateException.class, () -> failed.finish("ForgetfulMap"));
        assertTrue(corrupted.getMessage().startsWith("CORRUPTED: ForgetfulMap: key "), corrupted.getMessage());
    }

    private static MapWorkloadBenchmark.Workload workload(int readPercent, KeyDistribution distribution) {
        MapWorkloadBenchmark.Workload workload = new MapWorkloadBenchmark.Workload();
        workload.strategy = MapStrategy.CONCURRENT_HASHMAP.name();
        workload.readPercent = readPercent;
        workload.size = 1000;
        workload.keyDistribution = distribution;
        workload.fill();
        return workload;
    }

    private static List<String> expected(WorkloadSequence sequence, int offset, int steps) {
        List<String> calls = new ArrayList<>();
        String[] names = {"get", "remove", "put"};
        for (int i = 0; i < steps; i++) {
            int step = (offset + i) & WorkloadSequence.MASK;
            calls.add(names[sequence.operations()[step]] + " " + sequence.keys()[step]);
        }
        return calls;
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 95, 75, 50, 0})
    void walksTheSequencesOperationsFromEveryThreadsOffsetAndAcrossTheWrap(int readPercent) {
        MapWorkloadBenchmark benchmark = new MapWorkloadBenchmark();
        MapWorkloadBenchmark.Workload workload = workload(readPercent, KeyDistribution.ZIPFIAN);
        RecordingMap recording = new RecordingMap();
        workload.map = recording;
        WorkloadSequence sequence = WorkloadSequence.generate(1000, readPercent, KeyDistribution.ZIPFIAN);
        int steps = WorkloadSequence.LENGTH + 5_000; // past the wrap
        for (int thread = 0; thread < 4; thread++) {
            int offset = WorkloadSequence.startOffset(thread);
            MapWorkloadBenchmark.Cursor cursor = new MapWorkloadBenchmark.Cursor();
            cursor.startAt(workload, offset);
            recording.calls.clear();
            for (int i = 0; i < steps; i++) {
                benchmark.operation(workload, cursor);
            }
            assertEquals(expected(sequence, offset, steps), recording.calls,
                    readPercent + " % reads, thread " + thread + " (offset " + offset + ")");
        }
    }

    @Test
    void writeStepsAlternateRemoveAndPutOfTheSameKey() {
        WorkloadSequence sequence = WorkloadSequence.generate(100, 50, KeyDistribution.UNIFORM);
        int[] writes = sequence.writeSteps();
        assertEquals(0, writes.length % 2);
        for (int ordinal = 0; ordinal < writes.length; ordinal += 2) {
            assertEquals(WorkloadSequence.REMOVE, sequence.operations()[writes[ordinal]]);
            assertEquals(WorkloadSequence.PUT, sequence.operations()[writes[ordinal + 1]]);
            assertEquals(sequence.keys()[writes[ordinal]], sequence.keys()[writes[ordinal + 1]]);
        }
    }

    @Test
    void firstWriteAtOrAfterWrapsToTheFirstWrite() {
        int[] writes = {3, 10, 60_000};
        assertEquals(0, WorkloadSequence.firstWriteAtOrAfter(writes, 0));
        assertEquals(1, WorkloadSequence.firstWriteAtOrAfter(writes, 10));
        assertEquals(2, WorkloadSequence.firstWriteAtOrAfter(writes, 11));
        assertEquals(0, WorkloadSequence.firstWriteAtOrAfter(writes, 60_001));
    }

    @Test
    void aPluginsClassNameResolvesInTheForkAndFillsItsMap() {
        MapWorkloadBenchmark.Workload workload = new MapWorkloadBenchmark.Workload();
        workload.strategy = "java.util.concurrent.ConcurrentSkipListMap";
        workload.readPercent = 50;
        workload.size = 100;
        workload.keyDistribution = KeyDistribution.UNIFORM;
        workload.fill();
        assertEquals(100, workload.map.size());
    }

    @Test
    void aPluginMarkedUnsafeIsRefusedWhenAnythingWrites() {
        MapWorkloadBenchmark.Workload workload = new MapWorkloadBenchmark.Workload();
        workload.strategy = "java.util.concurrent.ConcurrentSkipListMap";
        workload.readPercent = 95;
        workload.size = 100;
        workload.keyDistribution = KeyDistribution.UNIFORM;
        System.setProperty(Strategies.UNSAFE_PROPERTY, workload.strategy); // what the runner passes such a fork
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, workload::fill);
            assertEquals("java.util.concurrent.ConcurrentSkipListMap is not thread-safe: it runs only with "
                    + "readPercent=100, not 95", refused.getMessage());
            workload.readPercent = 100;
            workload.fill();
        } finally {
            System.clearProperty(Strategies.UNSAFE_PROPERTY);
        }
    }

    /** JMH runs every value of a {@code @Param} when the runner names none: each must be a constant. */
    @Test
    void theParamListsNameEveryConstantTheBenchmarkCanRun() throws Exception {
        Param workloadParam = MapWorkloadBenchmark.Workload.class.getField("strategy").getAnnotation(Param.class);
        assertEquals(Arrays.stream(MapStrategy.values()).map(MapStrategy::name).toList(), List.of(workloadParam.value()));
        Param latencyParam = MapLatencyBenchmark.class.getField("strategy").getAnnotation(Param.class);
        assertEquals(MapStrategy.safeStrategies().stream().map(MapStrategy::name).toList(), List.of(latencyParam.value()));
    }

    @Test
    void theUnsynchronizedCeilingIsRefusedWhenAnythingWrites() {
        MapWorkloadBenchmark.Workload workload = new MapWorkloadBenchmark.Workload();
        workload.strategy = MapStrategy.UNSYNCHRONIZED_HASHMAP.name();
        workload.readPercent = 95;
        workload.size = 100;
        workload.keyDistribution = KeyDistribution.UNIFORM;
        assertThrows(IllegalStateException.class, workload::fill);
    }
}
