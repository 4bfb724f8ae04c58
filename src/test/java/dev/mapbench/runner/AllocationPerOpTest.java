package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationPerOpTest {

    @TempDir
    Path temp;

    private Path cell(String strategy, int readPercent, int threads, double norm, String error) throws IOException {
        String json = "[{\"benchmark\":\"dev.mapbench.bench.MapWorkloadBenchmark.operation\",\"threads\":" + threads
                + ",\"params\":{\"strategy\":\"" + strategy + "\",\"readPercent\":\"" + readPercent
                + "\",\"size\":\"100\",\"keyDistribution\":\"UNIFORM\"},\"primaryMetric\":{\"score\":1.0},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + norm + ",\"scoreError\":" + error
                + ",\"scoreUnit\":\"B/op\"}}}]";
        Path file = temp.resolve(strategy + readPercent + "-" + threads + ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void bytesPerReadAndWriteComeFromTheAllReadAndAllWriteCells() throws IOException {
        List<Path> cells = new ArrayList<>();
        // 4000 B per write, nothing per read: norm = 4000 * writeShare
        for (int readPercent : Matrix.READ_PERCENTS) {
            cells.add(cell("COPY_ON_WRITE", readPercent, 4, 4000 * (100 - readPercent) / 100.0, "1.5"));
        }
        cells.add(cell("UNSYNCHRONIZED_HASHMAP", 100, 1, 0.001, "\"NaN\""));
        String[] lines = AllocationPerOp.csv(cells, 2).split("\r?\n");
        assertEquals(String.join(",", AllocationPerOp.HEADER), lines[0]);
        assertEquals("COPY_ON_WRITE,100,UNIFORM,4,true,0.000,1.500,4000.000,1.500,0.000,4000.000,1.000,100 95 75 50 0",
                lines[1]);
        assertEquals("UNSYNCHRONIZED_HASHMAP,100,UNIFORM,1,false,0.001,,,,,,,100", lines[2]);
    }

    @Test
    void cellWithoutGcProfilerIsAnError() throws IOException {
        Path file = temp.resolve("plain.json");
        Files.writeString(file, "[{\"benchmark\":\"a.MapWorkloadBenchmark.operation\",\"params\":{},"
                + "\"secondaryMetrics\":{}}]");
        IOException error = assertThrows(IOException.class, () -> AllocationPerOp.csv(List.of(file), 2));
        assertTrue(error.getMessage().contains("no gc.alloc.rate.norm"));
    }
}
