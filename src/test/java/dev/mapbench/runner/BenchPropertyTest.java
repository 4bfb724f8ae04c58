package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchPropertyTest {

    @Test
    void everyPropertyHasOneNameADefaultAndAOneLineDescription() {
        List<String> keys = BenchProperty.all().stream().map(BenchProperty::key).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
        for (BenchProperty<?> property : BenchProperty.all()) {
            assertTrue(property.key().matches("bench\\.[a-z][A-Za-z]+"), property.key());
            assertFalse(property.description().isBlank() || property.description().contains("\n"), property.key());
            assertFalse(property.defaultText().isBlank(), property.key());
        }
    }

    @Test
    void anUnresolvedMavenExpressionIsNotGiven() {
        Properties properties = new Properties();
        properties.setProperty("bench.threads", "${bench.threads}");
        properties.setProperty("bench.forks", " ");
        properties.setProperty("bench.effort", "smoke");
        assertFalse(BenchProperty.THREADS.given(properties));
        BenchSettings settings = BenchSettings.from(properties, 2);
        assertEquals(List.of(1, 4), settings.threads(), "smoke's own threads on 2 cores");
        assertEquals(Effort.SMOKE.forks(), settings.forks());
    }

    @Test
    void perEffortDefaultsAreDocumentedPerEffort() {
        assertEquals("`1` (smoke, default); `6` (full)", BenchProperty.FORKS.defaultText());
        assertEquals("`fixed` (smoke, full); `race` (default)", BenchProperty.DESIGN.defaultText());
        assertEquals("`false` (smoke); `true` (default, full)", BenchProperty.LATENCY.defaultText());
        assertEquals("`none` (smoke, default); `G1,Parallel,Z` (full)", BenchProperty.GCS.defaultText());
        assertEquals("`10`", BenchProperty.MARGIN.defaultText());
        assertEquals(true, BenchProperty.LATENCY.get(new Properties(), Effort.DEFAULT));
        assertEquals(false, BenchProperty.LATENCY.get(new Properties(), Effort.SMOKE));
    }

    @Test
    void aBadValueIsOneLineNamingTheProperty() {
        Properties properties = new Properties();
        properties.setProperty("bench.seed", "lucky");
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BenchProperty.SEED.get(properties));
        assertEquals("bench.seed: 'lucky' is not a whole number", error.getMessage());
    }
}
