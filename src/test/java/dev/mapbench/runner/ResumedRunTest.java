package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumedRunTest {

    @TempDir
    Path temp;

    private Path runFolder() throws IOException {
        Path folder = temp.resolve("20260101-000000-smoke");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("env.json"), "{\"runId\":\"20260101-000000-smoke\",\"effort\":\"smoke\","
                + "\"threads\":[1,8],\"shard\":\"2/3\",\"strategies\":[\"COPY_ON_WRITE\",\"CONCURRENT_HASHMAP\"],"
                + "\"include\":\"r100\",\"forks\":9,\"startedAt\":\"2026-01-01T00:00:00Z\"}");
        return folder;
    }

    private static Properties resume(Path folder, String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("bench.resume", folder.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void resumedRunTakesItsSettingsFromEnvJson() throws IOException {
        Path folder = runFolder();
        Properties properties = resume(folder);
        BenchSettings settings = ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2);
        assertEquals(Effort.SMOKE, settings.effort());
        assertEquals(List.of(1, 8), settings.threads());
        assertEquals(new Shard(2, 3), settings.shard());
        assertEquals(List.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.COPY_ON_WRITE), settings.strategies());
        assertEquals("r100", settings.include().pattern());
        assertEquals("20260101-000000-smoke", settings.runId());
        assertEquals(folder, settings.resume());
        assertEquals(9, settings.forks(), "a resumed run keeps the forks it was started with");
    }

    @Test
    void resumedRunGetsItsPluginsClassPathAndUnsafeMarksBackFromEnvJson() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("team-classes"));
        Path folder = temp.resolve("20260101-000000-plugins");
        Files.createDirectories(folder);
        String plugin = "java.util.concurrent.ConcurrentSkipListMap";
        Files.writeString(folder.resolve("env.json"), "{\"effort\":\"smoke\",\"threads\":[1],\"shard\":\"1/1\","
                + "\"strategies\":[\"CONCURRENT_HASHMAP\",\"" + plugin + "\"],\"pluginClasspath\":[\"" + classes + "\"],"
                + "\"unsafePlugins\":[\"" + plugin + "\"],\"startedAt\":\"2026-01-01T00:00:00Z\"}");
        Properties properties = resume(folder);
        BenchSettings settings = ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2);
        assertEquals(List.of("CONCURRENT_HASHMAP", plugin), settings.strategies().stream().map(s -> s.name()).toList());
        assertEquals(false, settings.strategies().get(1).threadSafe(), "still marked unsafe");
        assertEquals(List.of(classes.toAbsolutePath()), settings.plugins().entries());
    }

    @Test
    void resumingWithOtherForksIsRefused() throws IOException {
        Path folder = runFolder();
        Properties properties = resume(folder, "bench.forks", "2");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2));
        assertTrue(error.getMessage().startsWith("bench.forks: " + folder + " was run with 9, not 2"), error.getMessage());
    }

    @Test
    void resumingWithAnotherEffortIsRefused() throws IOException {
        Path folder = runFolder();
        Properties properties = resume(folder, "bench.effort", "full");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2));
        assertTrue(error.getMessage().startsWith("bench.effort: " + folder + " was run with SMOKE, not FULL"),
                error.getMessage());
    }

    @Test
    void repeatingTheRecordedSettingIsAccepted() throws IOException {
        Path folder = runFolder();
        Properties properties = resume(folder, "bench.threads", "8,1");
        assertEquals(List.of(1, 8),
                ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2).threads());
    }

    @Test
    void folderWithoutEnvJsonIsOneClearError() {
        Properties properties = resume(temp);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ResumedRun.settingsFor(BenchSettings.from(properties, 2), properties, 2));
        assertEquals(temp.resolve("env.json") + ": not found; bench.resume needs a run folder", error.getMessage());
    }
}
