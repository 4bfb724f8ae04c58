package dev.mapbench.results;

import static dev.mapbench.results.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvJsonFileTest {

    @TempDir
    Path temp;

    private Path write(String json) throws IOException {
        Path file = temp.resolve("env.json");
        Files.writeString(file, json);
        return file;
    }

    private String error(String json) throws IOException {
        Path file = write(json);
        return assertThrows(BadInputException.class, () -> EnvJsonFile.read(file)).getMessage();
    }

    @Test
    void writingWhatWasReadGivesTheSameEnvironmentBack() throws Exception {
        EnvJson read = EnvJsonFile.read(fixture("runs/version1/env.json"));
        Path copy = temp.resolve("copy.json");
        EnvJsonFile.write(copy, read);
        assertEquals(read, EnvJsonFile.read(copy));
        JsonNode written = Json.readTree(copy);
        assertEquals(EnvJsonFile.VERSION, written.path("version").asInt());
        assertEquals(Json.readTree(fixture("runs/version1/env.json")).path("race"), written.path("race"));
        assertTrue(written.path("finishedAt").isTextual());
    }

    @Test
    void unknownFieldsAreKeptAndAbsentOnesAreNull() throws Exception {
        Path file = write("{\"cores\": 2, \"effort\": \"quick\", \"fromANewerRunner\": {\"x\": [1, 2]}}");
        EnvJson env = EnvJsonFile.read(file);
        assertEquals(2, env.machine().cores());
        assertEquals("quick", env.plan().effort());
        assertNull(env.machine().cpuModel());
        assertNull(env.race());
        assertNull(env.deep(), "no deeper-measurement field: the group is not recorded");
        assertEquals("{\"x\":[1,2]}", env.unknown().get("fromANewerRunner").toString());
        Path copy = temp.resolve("copy.json");
        EnvJsonFile.write(copy, env);
        assertEquals("{\"x\":[1,2]}", Json.readTree(copy).path("fromANewerRunner").toString());
    }

    @Test
    void aNewerVersionIsOneErrorNamingTheFile() throws IOException {
        assertEquals(temp.resolve("env.json") + ": format version 2 is newer than this mapbench reads (up to 1); "
                + "read it with the mapbench that wrote it or a later one", error("{\"version\": 2, \"cores\": 2}"));
        assertEquals(temp.resolve("env.json") + ": field version is \"1\", expected a whole number",
                error("{\"version\": \"1\"}"));
    }

    @Test
    void aWrongTypeIsOneErrorNamingTheFileAndTheField() throws IOException {
        Path file = temp.resolve("env.json");
        assertEquals(file + ": field cores is \"two\", expected a whole number", error("{\"cores\": \"two\"}"));
        assertEquals(file + ": field cores is 2.5, expected a whole number", error("{\"cores\": 2.5}"));
        assertEquals(file + ": field threads[1] is \"x\", expected a whole number", error("{\"threads\": [1, \"x\"]}"));
        assertEquals(file + ": field race.budgetSeconds is \"soon\", expected a whole number",
                error("{\"race\": {\"budgetSeconds\": \"soon\"}}"));
        assertEquals(file + ": field startedAt is \"yesterday\", expected an ISO-8601 instant, e.g. 2026-12-01T21:31:30Z",
                error("{\"startedAt\": \"yesterday\"}"));
        assertEquals(file + ": field jvm is \"17\", expected an object", error("{\"jvm\": \"17\"}"));
        assertEquals(file + ": not a mapbench env.json: expected a JSON object", error("[1, 2]"));
    }

    @Test
    void aVersion1MergeOfDifferentHeapsReadsTheMixedHeapAsAbsent() throws Exception {
        EnvJson env = EnvJsonFile.read(write("{\"heapMaxBytes\": \"mixed: 1073741824 (1/2), 2147483648 (2/2)\","
                + " \"cores\": 2, \"shards\": [{\"shard\": \"1/2\", \"env\": \"shards/1/env.json\"}]}"));
        assertNull(env.machine().heapMaxBytes());
        assertEquals(2, env.machine().cores());
        assertEquals("shards/1/env.json", env.merge().shards().get(0).env());
    }

    @Test
    void theDisplayPropertiesAreTheFileAsWritten() throws Exception {
        RunEnvironment environment = EnvJsonFile.readEnvironment(write(
                "{\"jvm\": {\"version\": \"17\"}, \"jvmArgs\": [\"-Xmx1g\", \"-XX:+UseG1GC\"], \"profile\": null}"));
        assertEquals(Map.of("jvm.version", "17", "jvmArgs", "-Xmx1g -XX:+UseG1GC"), environment.properties());
        assertEquals(List.of(), environment.threads());
    }
}
