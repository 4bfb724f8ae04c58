package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbJsonTest {

    private static final AbJson AB = new AbJson(AbJson.VERSION, "main", "HEAD", "abc", "def", List.of(),
            List.of("-Dmapbench.slowdown=COPY_ON_WRITE:20"), 42L, 6, "2 × 150 ms warmup + 4 × 100 ms measured", 26,
            "1/1", true, "AMD EPYC, 2 cores, Debian 17", 30.5, 600.0, 1.9, 0, "no regression", List.of(), List.of(),
            List.of("RWLOCK_HASHMAP-r50-s100-UNIFORM-t1"), Map.of());

    @TempDir
    Path temp;

    @Test
    void writtenAbJsonReadsBackAndNamesTheCommitsForScripts() throws Exception {
        Path file = temp.resolve(AbJson.FILE);
        AB.write(file);
        assertEquals(AB, AbJson.read(file));
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"version\" : 1,\n  \"baselineRef\" : \"main\""), text);
        assertTrue(text.contains("\"baselineCommit\" : \"abc\""), "scripts/nightly greps this line: " + text);
    }

    @Test
    void aFileWithoutVersionIsVersion1AndUnknownFieldsAreKept() throws Exception {
        Path file = temp.resolve(AbJson.FILE);
        Files.writeString(file, "{\"baselineCommit\": \"abc\", \"candidateCommit\": \"def\", \"shard\": \"2/2\","
                + " \"laterField\": [1]}");
        AbJson read = AbJson.read(file);
        assertEquals(1, read.version());
        assertEquals("2/2", read.shard());
        assertNull(read.rulerComparable());
        assertEquals("[1]", read.unknown().get("laterField").toString());
        Path copy = temp.resolve("copy.json");
        read.write(copy);
        assertEquals("[1]", Json.readTree(copy).path("laterField").toString());
    }

    @Test
    void aNewerVersionOrAWrongTypeIsOneErrorNamingTheFile() throws IOException {
        Path file = temp.resolve(AbJson.FILE);
        Files.writeString(file, "{\"version\": 3}");
        assertEquals(file + ": format version 3 is newer than this mapbench reads (up to 1); read it with the "
                + "mapbench that wrote it or a later one", assertThrows(BadInputException.class,
                        () -> AbJson.read(file)).getMessage());
        Files.writeString(file, "{\"seed\": \"random\"}");
        assertEquals(file + ": field seed is \"random\", expected a whole number",
                assertThrows(BadInputException.class, () -> AbJson.read(file)).getMessage());
    }
}
