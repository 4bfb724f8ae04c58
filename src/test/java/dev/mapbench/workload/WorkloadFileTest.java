package dev.mapbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload file is read strictly: every bad field is one error naming the file, the field and what is allowed. */
class WorkloadFileTest {

    @TempDir
    Path temp;

    private Path file(String name, String text) throws Exception {
        Path path = temp.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private String refusal(String text) throws Exception {
        Path path = file("bad.yaml", text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkloadFile.read(path));
        assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage().substring(path.toString().length() + 2);
    }

    @Test
    void everyPresetIsAFileThatReadsBackAsItself() throws Exception {
        for (WorkloadSpec preset : Presets.all()) {
            Path written = file(preset.name() + ".yaml", WorkloadFile.write(preset));
            assertEquals(preset, WorkloadFile.read(written), preset.name());
        }
    }

    @Test
    void aTeamsOwnFileInYamlOrJson() throws Exception {
        WorkloadSpec yaml = WorkloadFile.read(file("catalogue.yaml", """
                name: catalogue
                source: our catalogue's read path
                operations: {get: 80, computeIfAbsent: 10, remove: 10}
                keys: {type: string}
                size: 5000
                distribution: {type: hotspot, hotOpsPercent: 90, hotKeysPercent: 10}
                threads: [1, 2]
                """));
        assertEquals(Map.of(MapOperation.GET, 80, MapOperation.COMPUTE_IF_ABSENT, 10, MapOperation.REMOVE, 10), yaml.mix());
        assertEquals(KeyType.STRING, yaml.keyType());
        assertEquals(new Distribution.Hotspot(90, 10), yaml.distribution());
        WorkloadSpec json = WorkloadFile.read(file("grow.json", """
                {"name": "grow-json", "operations": {"get": 50, "insert": 50}, "size": 100, "growth": "grow",
                 "distribution": {"type": "latest", "constant": 0.8}}
                """));
        assertTrue(json.grows());
        assertEquals(new Distribution.Latest(0.8), json.distribution());
    }

    @Test
    void badFilesAreRefusedNamingTheFieldAndWhatIsAllowed() throws Exception {
        assertEquals("sise: unknown field; allowed: name, source, operations, roles, keys, size, distribution, growth, "
                + "presized, valueBytes, threads", refusal("name: x\noperations: {get: 100}\nsise: 10\n"));
        assertEquals("operations: the weights sum to 95; they must sum to 100 (percent)",
                refusal("name: x\noperations: {get: 90, update: 5}\n"));
        assertEquals("size: -5 is negative; allowed: >= 1, or 0 with growth: grow",
                refusal("name: x\noperations: {get: 100}\nsize: -5\n"));
        assertTrue(refusal("name: x\noperations: {get: 50, scan: 50}\n").startsWith("operations.scan: 'scan' is not an "
                + "operation; allowed: get, update, insert, remove, putIfAbsent, computeIfAbsent, merge, walk"));
        assertEquals("keys.type: 'uuid' is not a key type; allowed: long, string, string-built",
                refusal("name: x\noperations: {get: 100}\nkeys: {type: uuid}\n"));
        assertTrue(refusal("name: x\noperations: {get: 50, insert: 50}\n").startsWith("operations.insert: 50 % inserts "
                + "but 0 % removes in a steady map"));
        assertEquals("roles.writer.threads: -1; allowed: a count >= 1, or rest", refusal("""
                name: x
                roles:
                  - {name: readers, threads: rest, operations: {get: 100}}
                  - {name: writer, threads: -1, operations: {update: 100}}
                """));
        assertTrue(refusal("name: x\noperations: {get: 100\n").startsWith("not YAML or JSON"));
        assertEquals("name: 'My Workload' must be 1-40 lower-case letters, digits or dashes",
                refusal("name: My Workload\noperations: {get: 100}\n"));
    }
}
