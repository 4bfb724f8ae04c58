package dev.mapbench.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hazard-rates file has the shape the report reads and is replaced whole. */
class HazardRatesTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryObservationInTheContractShape() throws Exception {
        Path file = dir.resolve("correctness").resolve("hazard-rates.json");
        HazardRates.write(file, List.of(
                new HazardObservation("lost-updates", "UNSYNCHRONIZED_HASHMAP", true, 50, 0.3, 120.5,
                        "lost entries per round", "two writers"),
                new HazardObservation("lost-updates", "RWLOCK_HASHMAP", false, 3, 0.1, 0, "lost entries per round",
                        "two writers")));

        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertTrue(root.get("generatedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), root.toString());
        assertTrue(root.get("jvm").asText().contains(System.getProperty("java.runtime.version")));
        assertEquals(Runtime.getRuntime().availableProcessors(), root.get("cores").asInt());
        JsonNode first = root.get("hazards").get(0);
        assertEquals("lost-updates", first.get("hazard").asText());
        assertEquals("UNSYNCHRONIZED_HASHMAP", first.get("strategy").asText());
        assertTrue(first.get("observed").asBoolean());
        assertEquals(50, first.get("trials").asLong());
        assertEquals(0.3, first.get("seconds").asDouble());
        assertEquals(120.5, first.get("rate").asDouble());
        assertEquals("lost entries per round", first.get("rateUnit").asText());
        assertEquals("two writers", first.get("detail").asText());
        assertEquals(2, root.get("hazards").size());
    }

    @Test
    void rewritingReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("hazard-rates.json");
        HazardObservation observation = new HazardObservation("cancelled-write", "x", true, 1, 0.1, 1, "u", "d");
        HazardRates.write(file, List.of(observation, observation));
        HazardRates.write(file, List.of(observation));

        assertEquals(1, new ObjectMapper().readTree(file.toFile()).get("hazards").size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
