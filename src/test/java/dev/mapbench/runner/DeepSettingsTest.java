package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.results.EnvJson;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DeepSettingsTest {

    private static DeepSettings read(Effort effort, String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DeepSettings.from(properties, effort);
    }

    @Test
    void defaultsFollowTheEffort() {
        assertEquals(new DeepSettings(false, List.of(), false, false, true), read(Effort.SMOKE));
        assertEquals(new DeepSettings(true, List.of(), false, false, true), read(Effort.DEFAULT));
        assertEquals(new DeepSettings(true, List.of(GarbageCollector.values()), false, false, true), read(Effort.FULL));
    }

    @Test
    void blankValuesCountAsUnsetAsMavenPassesThemThrough() {
        assertEquals(read(Effort.DEFAULT), read(Effort.DEFAULT, "bench.latency", "", "bench.gcs", " ", "bench.profile", "",
                "bench.iteration", ""));
    }

    @Test
    void explicitValuesWin() {
        DeepSettings deep = read(Effort.FULL, "bench.latency", "false", "bench.gcs", "Z,G1", "bench.gcChurn", "true",
                "bench.profile", "async", "bench.iteration", "false");

        assertFalse(deep.latency());
        assertFalse(deep.iteration());
        assertEquals(List.of(GarbageCollector.Z, GarbageCollector.G1), deep.gcs());
        assertTrue(deep.gcChurn());
        assertTrue(deep.profile());
        assertEquals(List.of(), read(Effort.FULL, "bench.gcs", "none").gcs());
    }

    @Test
    void resumingTakesSettingsNotGivenAgainFromEnvJson() throws Exception {
        EnvJson.Deep env = new EnvJson.Deep(false, List.of("Parallel", "Z"), true, null, false);
        Properties given = new Properties();
        given.setProperty("bench.gcChurn", "false");

        DeepSettings deep = DeepSettings.from(DeepSettings.withRecorded(given, env), Effort.DEFAULT);

        assertEquals(new DeepSettings(false, List.of(GarbageCollector.PARALLEL, GarbageCollector.Z), false, false, false),
                deep);
        assertEquals(List.of(), DeepSettings.from(DeepSettings.withRecorded(new Properties(),
                new EnvJson.Deep(null, List.of(), null, null, null)), Effort.FULL).gcs());
    }

    @Test
    void badValuesNameTheProperty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(Effort.DEFAULT, "bench.gcs", "CMS"))
                .getMessage().startsWith("bench.gcs: unknown garbage collector 'CMS'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(Effort.DEFAULT, "bench.profile", "jfr"))
                .getMessage().startsWith("bench.profile: 'jfr'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(Effort.DEFAULT, "bench.latency", "maybe"))
                .getMessage().startsWith("bench.latency: 'maybe'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(Effort.DEFAULT, "bench.iteration", "2"))
                .getMessage().startsWith("bench.iteration: '2'"));
    }
}
