package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slowed variant the regression gate is demonstrated with: selected by a system property, it
 * keeps map semantics and really repeats about the requested share of operations.
 */
class DeliberatelySlowedMapTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(DeliberatelySlowedMap.PROPERTY);
    }

    @Test
    void propertyWrapsOnlyTheNamedStrategy() {
        System.setProperty(DeliberatelySlowedMap.PROPERTY, "COPY_ON_WRITE:30");
        assertInstanceOf(DeliberatelySlowedMap.class, MapStrategy.COPY_ON_WRITE.create(16));
        assertFalse(MapStrategy.CONCURRENT_HASHMAP.create(16) instanceof DeliberatelySlowedMap);
        System.clearProperty(DeliberatelySlowedMap.PROPERTY);
        assertFalse(MapStrategy.COPY_ON_WRITE.create(16) instanceof DeliberatelySlowedMap);
    }

    @Test
    void malformedSettingFailsLoudly() {
        System.setProperty(DeliberatelySlowedMap.PROPERTY, "COPY_ON_WRITE=30");
        assertThrows(IllegalArgumentException.class, () -> MapStrategy.COPY_ON_WRITE.create(16));
    }

    @Test
    void slowedMapKeepsMapSemantics() {
        SharedMap<Long, String> map = new DeliberatelySlowedMap<>(MapStrategy.CONCURRENT_HASHMAP.create(64), 100);
        for (long key = 0; key < 50; key++) {
            assertEquals(null, map.put(key, "v" + key));
        }
        assertEquals("v7", map.get(7L));
        assertEquals("v7", map.remove(7L));
        assertEquals(null, map.get(7L));
        assertEquals(49, map.size());
    }

    @Test
    void aboutThirtyPercentOfReadsAreRepeated() {
        CountingMap counting = new CountingMap();
        SharedMap<Long, String> slowed = new DeliberatelySlowedMap<>(counting, 30);
        for (long key = 0; key < 100_000; key++) {
            slowed.get(key);
        }
        double extra = (counting.gets - 100_000) / 100_000.0;
        assertTrue(Math.abs(extra - 0.30) < 0.01, "repeated share " + extra);
    }

    /** Counts delegate calls. */
    private static final class CountingMap implements SharedMap<Long, String> {
        private final Map<Long, String> map = new HashMap<>();
        long gets;

        @Override
        public String get(Long key) {
            gets++;
            return map.get(key);
        }

        @Override
        public String put(Long key, String value) {
            return map.put(key, value);
        }

        @Override
        public String remove(Long key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public void forEach(BiConsumer<? super Long, ? super String> action) {
            map.forEach(action);
        }
    }
}
