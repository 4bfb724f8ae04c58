package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepMeasurementsTest {

    @TempDir
    Path temp;

    @Test
    void mergingShardsCarriesTheirFlameGraphsAndPauseFiles() throws IOException {
        Path shardOne = temp.resolve("one");
        Path shardTwo = temp.resolve("two");
        Files.createDirectories(shardOne.resolve("profiles/0000-A"));
        Files.writeString(shardOne.resolve("profiles/0000-A/cpu.html"), "cpu of A");
        Files.writeString(shardOne.resolve("profiles/profiler.json"), "{}");
        Files.createDirectories(shardTwo.resolve("gc-pauses/0001-GC-Z-B"));
        Files.writeString(shardTwo.resolve("gc-pauses/0001-GC-Z-B.json"), "{\"pauses\": 3}");
        Files.writeString(shardTwo.resolve("gc-pauses/0001-GC-Z-B/fork-7.log"), "Pause Mark Start 0.01ms");
        Path merged = temp.resolve("merged");

        DeepMeasurements.copyArtifacts(shardOne, merged);
        DeepMeasurements.copyArtifacts(shardTwo, merged);

        assertEquals("cpu of A", Files.readString(merged.resolve("profiles/0000-A/cpu.html")));
        assertEquals("{\"pauses\": 3}", Files.readString(merged.resolve("gc-pauses/0001-GC-Z-B.json")));
        assertEquals("Pause Mark Start 0.01ms", Files.readString(merged.resolve("gc-pauses/0001-GC-Z-B/fork-7.log")));
        assertFalse(Files.exists(merged.resolve("cells")));
    }
}
