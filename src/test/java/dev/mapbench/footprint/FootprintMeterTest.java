package dev.mapbench.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.CopyOnWriteAtomicMap;
import dev.mapbench.maps.GuardedLongMap;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.UnsynchronizedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

@Tag("slow")
class FootprintMeterTest {

    private static final int SIZE = 1000;
    /** HashMaps.withExpectedSize(1000) asks for 1334 slots; HashMap and ConcurrentHashMap round up to 2^11. */
    private static final int TABLE_SLOTS_FOR_SIZE = 2048;

    private final FootprintMeter meter = new FootprintMeter();

    @Test
    void measuresTheFourPhasesInOrderWithTheirEntryCounts() {
        List<FootprintRow> rows = meter.measure(MapStrategy.RWLOCK_HASHMAP, SIZE);

        assertEquals(List.of(FootprintPhase.CREATED, FootprintPhase.FILLED, FootprintPhase.EMPTIED,
                FootprintPhase.REFILLED), rows.stream().map(FootprintRow::phase).toList());
        assertEquals(List.of(0, SIZE, 0, SIZE), rows.stream().map(FootprintRow::entries).toList());
        rows.forEach(row -> assertEquals(row.totalBytes(), row.structureBytes() + row.payloadBytes(), row::toString));
    }

    /** Every strategy built on a hash table: not the copy-on-write maps (sized to their content) nor the skip list. */
    @ParameterizedTest
    @EnumSource(value = MapStrategy.class, names = {"COPY_ON_WRITE", "COPY_ON_WRITE_ATOMIC_REFERENCE",
            "PERSISTENT_COPY_ON_WRITE", "CONCURRENT_SKIPLIST_MAP"}, mode = EnumSource.Mode.EXCLUDE)
    void emptiedHashTableStrategiesKeepTheirWholeTable(MapStrategy strategy) {
        List<FootprintRow> rows = meter.measure(strategy, SIZE);
        FootprintRow created = row(rows, FootprintPhase.CREATED);
        FootprintRow emptied = row(rows, FootprintPhase.EMPTIED);

        // Any table that held SIZE entries under load factor 0.75 has at least SIZE / 0.75 slots.
        long smallestTableThatHeldThem = VM.current().sizeOf(new Object[(int) Math.ceil(SIZE / 0.75)]);
        assertEquals(0, emptied.payloadBytes());
        assertTrue(emptied.structureBytes() - created.structureBytes() >= smallestTableThatHeldThem,
                strategy + ": emptied " + emptied.structureBytes() + " B vs created " + created.structureBytes()
                        + " B; a table that held " + SIZE + " entries is at least " + smallestTableThatHeldThem + " B");
    }

    @Test
    void copyOnWriteEmptiedKeepsNoMoreThanAnEmptyHashMapWithADefaultTable() {
        List<FootprintRow> rows = meter.measure(MapStrategy.COPY_ON_WRITE, SIZE);
        long freshEmpty = GraphLayout.parseInstance(new CopyOnWriteAtomicMap<Long, Long>(0)).totalSize();
        long defaultTable = VM.current().sizeOf(new Object[16]);

        FootprintRow emptied = row(rows, FootprintPhase.EMPTIED);
        assertTrue(emptied.structureBytes() <= freshEmpty + defaultTable,
                "emptied copy-on-write map keeps " + emptied.structureBytes() + " B; an empty one is " + freshEmpty
                        + " B, a default table " + defaultTable + " B");
        assertTrue(row(rows, FootprintPhase.FILLED).structureBytes() > 20 * emptied.structureBytes(),
                "the filled snapshot should dwarf the emptied one");
    }

    /** Not the skip list: each insert draws its index tower's height at random, so two fills differ. */
    @ParameterizedTest
    @EnumSource(value = MapStrategy.class, names = "CONCURRENT_SKIPLIST_MAP", mode = EnumSource.Mode.EXCLUDE)
    void refilledRetainsExactlyWhatFilledDid(MapStrategy strategy) {
        // Same entries into a table already big enough, from one thread: nothing else to differ.
        List<FootprintRow> rows = meter.measure(strategy, SIZE);
        FootprintRow filled = row(rows, FootprintPhase.FILLED);
        FootprintRow refilled = row(rows, FootprintPhase.REFILLED);

        assertEquals(filled.totalBytes(), refilled.totalBytes(), strategy.name());
        assertEquals(filled.structureBytes(), refilled.structureBytes(), strategy.name());
    }

    @ParameterizedTest
    @EnumSource(MapStrategy.class)
    void payloadIsTheOwnBytesOfEveryKeyAndValue(MapStrategy strategy) {
        long boxedLong = VM.current().sizeOf(Long.valueOf(EntryObjects.FIRST_KEY));
        List<FootprintRow> rows = meter.measure(strategy, SIZE);

        assertEquals(SIZE * 2 * boxedLong, row(rows, FootprintPhase.FILLED).payloadBytes());
        assertEquals(SIZE * 2 * boxedLong, row(rows, FootprintPhase.REFILLED).payloadBytes());
        assertEquals(0, row(rows, FootprintPhase.CREATED).payloadBytes());
        assertEquals(0, row(rows, FootprintPhase.EMPTIED).payloadBytes());
    }

    @Test
    void hashMapStructureIsItsShellTableAndOneNodePerEntry() {
        UnsynchronizedHashMap<Long, Long> sample = new UnsynchronizedHashMap<>(SIZE);
        sample.put(1L, 1L);
        Map<Long, Long> raw = sample.unwrap();
        Object node = raw.entrySet().iterator().next(); // HashMap's entry set hands out its own nodes
        long expected = VM.current().sizeOf(sample) + VM.current().sizeOf(raw)
                + VM.current().sizeOf(new Object[TABLE_SLOTS_FOR_SIZE]) + SIZE * VM.current().sizeOf(node);

        FootprintRow filled = row(meter.measure(MapStrategy.UNSYNCHRONIZED_HASHMAP, SIZE), FootprintPhase.FILLED);

        assertEquals(expected, filled.structureBytes());
    }

    @Test
    void wrapperLayerCountsOneEntryRecordPerEntryAsStructure() {
        long entryRecord = VM.current().sizeOf(new GuardedLongMap.Entry<>(EntryObjects.FIRST_KEY, 1L));
        List<FootprintRow> wrapper = meter.measure(MapStrategy.WRAPPER_LAYER, SIZE);
        List<FootprintRow> plainLocked = meter.measure(MapStrategy.RWLOCK_HASHMAP, SIZE);

        // Both are an RWLock around a HashMap; per entry the wrapper adds exactly its record.
        long wrapperGrowth = row(wrapper, FootprintPhase.FILLED).structureBytes()
                - row(wrapper, FootprintPhase.CREATED).structureBytes();
        long plainGrowth = row(plainLocked, FootprintPhase.FILLED).structureBytes()
                - row(plainLocked, FootprintPhase.CREATED).structureBytes();
        assertEquals(SIZE * entryRecord, wrapperGrowth - plainGrowth);
    }

    @Test
    void rejectsASizeBelowOne() {
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> meter.measure(MapStrategy.CONCURRENT_HASHMAP, 0));
        assertEquals("size must be at least 1, was 0", problem.getMessage());
    }

    private static FootprintRow row(List<FootprintRow> rows, FootprintPhase phase) {
        return rows.stream().filter(row -> row.phase() == phase).findFirst().orElseThrow();
    }
}
