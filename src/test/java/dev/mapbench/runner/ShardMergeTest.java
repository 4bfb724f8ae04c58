package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.results.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    @TempDir
    Path temp;

    private Path shard(String name, String shard, String... cellFiles) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("cells"));
        Files.writeString(folder.resolve("env.json"), "{\"runId\":\"" + name + "\",\"effort\":\"smoke\",\"threads\":[1,4],"
                + "\"strategies\":[\"COPY_ON_WRITE\"],\"include\":null,\"cores\":2,\"shard\":\"" + shard + "\","
                + "\"cellsPlanned\":2,\"startedAt\":\"2026-01-01T00:0" + shard.charAt(0) + ":00Z\","
                + "\"finishedAt\":\"2026-01-01T00:1" + shard.charAt(0) + ":00Z\"}");
        for (String cell : cellFiles) {
            Files.writeString(folder.resolve("cells").resolve(cell), "[{\"benchmark\":\"" + cell + "\"}]");
        }
        return folder;
    }

    private BenchSettings mergeSettings(Path... folders) {
        Properties properties = new Properties();
        StringBuilder list = new StringBuilder();
        for (Path folder : folders) {
            list.append(list.length() == 0 ? "" : ",").append(folder);
        }
        properties.setProperty("bench.merge", list.toString());
        properties.setProperty("bench.results", temp.resolve("out").toString());
        properties.setProperty("bench.runId", "merged");
        return BenchSettings.from(properties, 2);
    }

    @Test
    void shardsMergeIntoOneRunInMatrixOrder() throws IOException {
        Path one = shard("one", "1/2", "0000-CALIBRATION-s100-UNIFORM-t1.json", "0002-X-t1.json");
        Path two = shard("two", "2/2", "0001-Y-t1.json", "0003-Z-t4-oversubscribed.json");
        Path merged = ShardMerge.merge(mergeSettings(two, one), new PrintStream(new ByteArrayOutputStream()));
        JsonNode result = Json.mapper().readTree(merged.resolve("jmh-result.json").toFile());
        assertEquals(4, result.size());
        assertEquals("0000-CALIBRATION-s100-UNIFORM-t1.json", result.get(0).path("benchmark").asText());
        assertEquals("0003-Z-t4-oversubscribed.json", result.get(3).path("benchmark").asText());
        JsonNode env = Json.mapper().readTree(merged.resolve("env.json").toFile());
        assertEquals("2/2+1/2", env.path("shard").asText());
        assertEquals(4, env.path("cellsPlanned").asInt());
        assertEquals("2026-01-01T00:01:00Z", env.path("startedAt").asText());
        assertEquals("2026-01-01T00:12:00Z", env.path("finishedAt").asText());
    }

    @Test
    void overlappingShardsAreRefused() throws IOException {
        Path one = shard("one", "1/2", "0000-A-t1.json");
        Path two = shard("two", "2/2", "0000-A-t1.json");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(mergeSettings(one, two), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(error.getMessage().contains("cell A-t1 is also in"), error.getMessage());
    }

    @Test
    void shardsOfDifferentMatricesAreRefused() throws IOException {
        Path one = shard("one", "1/2", "0000-A-t1.json");
        Path two = shard("two", "2/2", "0001-B-t1.json");
        Files.writeString(two.resolve("env.json"),
                Files.readString(two.resolve("env.json")).replace("\"smoke\"", "\"full\""));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ShardMerge.merge(mergeSettings(one, two), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(error.getMessage().contains("effort \"full\" differs from \"smoke\""), error.getMessage());
    }
}
