package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path temp;

    private static String cellJson(String benchmark, String strategy) {
        return "[\n    {\n        \"benchmark\" : \"" + benchmark + "\",\n        \"params\" : { \"strategy\" : \""
                + strategy + "\" }\n    }\n]\n";
    }

    @Test
    void finishedCellsAreKeyedByIdWhateverTheirPositionOrMark() throws IOException {
        RunFolder folder = new RunFolder(temp);
        folder.create();
        Files.writeString(folder.cells().resolve("0003-COPY_ON_WRITE-r95-s100-UNIFORM-t4-oversubscribed.json"), "[]");
        Files.writeString(folder.cells().resolve("0000-CALIBRATION-s100-UNIFORM-t1.json"), "[]");
        Files.writeString(folder.cells().resolve(".0004-STAMPED_LOCK-r0-s100-UNIFORM-t4.json.tmp"), "[");
        assertEquals(List.of("CALIBRATION-s100-UNIFORM-t1", "COPY_ON_WRITE-r95-s100-UNIFORM-t4"),
                List.copyOf(folder.finishedCells().keySet()));
    }

    @Test
    void resumeSkipsExactlyTheCellsAlreadyInTheFolder() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        List<Cell> matrix = BenchSettings.from(properties, 2).matrix();
        RunFolder folder = new RunFolder(temp);
        folder.create();
        for (int position : List.of(0, 5, 40)) {
            Files.writeString(folder.cells().resolve(matrix.get(position).fileName(position, 2)), "[]");
        }
        var done = folder.finishedCells();
        List<Integer> todo = Matrix.positionsOf(matrix, Shard.ALL).stream()
                .filter(p -> !done.containsKey(matrix.get(p).id())).toList();
        assertEquals(matrix.size() - 3, todo.size());
        assertFalse(todo.contains(5));
        assertTrue(todo.contains(6));
    }

    @Test
    void assembledResultIsOneJmhArrayOfEveryCellInMatrixOrder() throws IOException {
        RunFolder folder = new RunFolder(temp);
        folder.create();
        Files.writeString(folder.cells().resolve("0001-B-t1.json"), cellJson("x.MapWorkloadBenchmark.operation", "B"));
        Files.writeString(folder.cells().resolve("0000-A-t1.json"), cellJson("x.MapWorkloadBenchmark.operation", "A"));
        Files.writeString(folder.cells().resolve("0002-EMPTY-t1.json"), "[]");
        assertEquals(2, folder.assembleResult());
        JsonNode result = new ObjectMapper().readTree(folder.file(RunFolder.RESULT).toFile());
        assertEquals(2, result.size());
        assertEquals("A", result.get(0).path("params").path("strategy").asText());
        assertEquals("B", result.get(1).path("params").path("strategy").asText());
    }

    @Test
    void cellIdIgnoresFilesThatAreNotCells() {
        assertEquals("CONCURRENT_HASHMAP-r0-s10000-ZIPFIAN-t2",
                RunFolder.cellId("0107-CONCURRENT_HASHMAP-r0-s10000-ZIPFIAN-t2.json"));
        assertNull(RunFolder.cellId(".0107-X.json.tmp"));
        assertNull(RunFolder.cellId("notes.txt"));
    }
}
