package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class FootprintStepTest {

    private static BenchSettings settings(String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BenchSettings.from(properties, 2);
    }

    @Test
    void commandMeasuresTheMatrixSizesAndStrategiesIntoTheRunFolder(@TempDir Path run) {
        List<String> command = FootprintStep.command(
                settings("bench.strategies", "COPY_ON_WRITE,CONCURRENT_HASHMAP"), run);
        assertTrue(command.containsAll(FootprintStep.JVM_FLAGS));
        assertEquals("100", command.get(command.indexOf("--sizes") + 1));
        assertTrue(command.get(command.indexOf("--strategies") + 1).contains("COPY_ON_WRITE"));
        assertEquals(run.toString(), command.get(command.indexOf("--out") + 1));
    }

    @Test
    void pluginsAreLeftOutOfTheFootprintAndARunOfPluginsOnlyHasNone(@TempDir Path root) throws Exception {
        List<String> command = FootprintStep.command(
                settings("bench.strategies", "CONCURRENT_HASHMAP,java.util.concurrent.ConcurrentSkipListMap"), root);
        assertEquals("CONCURRENT_HASHMAP", command.get(command.indexOf("--strategies") + 1));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RunFolder folder = new RunFolder(root.resolve("plugins-only"));
        folder.create();
        assertEquals(0, FootprintStep.run(settings("bench.strategies", "java.util.concurrent.ConcurrentSkipListMap"),
                folder, new PrintStream(console, true, StandardCharsets.UTF_8)));
        assertFalse(Files.exists(folder.file(FootprintStep.FILE)));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("footprint: skipped, no built-in strategy"));
    }

    @Test
    void writesFootprintForShardOneOnly(@TempDir Path root) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        RunFolder second = new RunFolder(root.resolve("shard2"));
        second.create();
        assertEquals(0, FootprintStep.run(settings("bench.shard", "2/2"), second, out));
        assertFalse(Files.exists(second.file(FootprintStep.FILE)));

        RunFolder first = new RunFolder(root.resolve("shard1"));
        first.create();
        assertEquals(0, FootprintStep.run(settings("bench.shard", "1/2",
                "bench.strategies", "CONCURRENT_HASHMAP"), first, out));
        String json = Files.readString(first.file(FootprintStep.FILE));
        assertTrue(json.contains("\"strategy\" : \"CONCURRENT_HASHMAP\"") || json.contains("\"strategy\":\"CONCURRENT_HASHMAP\""),
                json.substring(0, Math.min(400, json.length())));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("footprint: " + first.file(FootprintStep.FILE)));
    }
}
