package dev.mapbench.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SharedMap#putAll}, the benchmarks' fill: every entry lands, entries already there stay. */
class PutAllTest {

    @ParameterizedTest
    @EnumSource(MapStrategy.class)
    void putAllAddsEveryEntryAndKeepsThoseAlreadyThere(MapStrategy strategy) {
        SharedMap<Long, Long> map = strategy.create(16);
        map.put(-1L, 7L);
        Map<Long, Long> entries = new HashMap<>();
        for (long key = 0; key < 1_000; key++) {
            entries.put(key, 2 * key);
        }

        map.putAll(entries);

        assertEquals(1_001, map.size());
        assertEquals(7L, map.get(-1L));
        assertEquals(1_998L, map.get(999L));
        Map<Long, Long> seen = new HashMap<>();
        map.forEach(seen::put);
        entries.put(-1L, 7L);
        assertEquals(entries, seen);
    }
}
