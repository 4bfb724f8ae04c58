package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @TempDir
    Path temp;

    /** The env.json the runner writes for a smoke run of shard 2/3, as the file reads. */
    private JsonNode written(Instant finishedAt) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.shard", "2/3");
        BenchSettings settings = BenchSettings.from(properties, 2);
        EnvJson env = Environment.describe(settings, "run-1", 2, "Test CPU @ 1 GHz", new EnvJson.Git("abc", false),
                List.of("-Xmx512m", "-XX:+UseParallelGC"), 21, 10.0, Instant.parse("2026-01-01T00:00:00Z"),
                finishedAt);
        Path file = temp.resolve("env.json");
        EnvJsonFile.write(file, env);
        return Json.readTree(file);
    }

    @Test
    void envHoldsEveryContractField() throws IOException {
        JsonNode env = written(Instant.parse("2026-01-01T00:01:00Z"));
        for (String field : List.of("version", "jvm", "gc", "jvmArgs", "heapMaxBytes", "cores", "cpuModel", "os", "git",
                "effort", "threads", "forks", "warmupIterations", "measurementIterations", "shard", "startedAt",
                "finishedAt", "runId", "strategyGroups", "unsafePlugins", "pluginClasspath", "cellsPlanned",
                "equivalenceMarginPercent")) {
            assertTrue(env.hasNonNull(field), field);
        }
        assertEquals(List.of("home", "name", "vendor", "version"), names(env.path("jvm")));
        assertEquals(List.of("arch", "name", "version"), names(env.path("os")));
        assertEquals(1, env.path("version").asInt());
        assertEquals("Parallel", env.path("gc").asText());
        assertEquals(512L << 20, env.path("heapMaxBytes").asLong());
        assertEquals("smoke", env.path("effort").asText());
        assertEquals("[1,4]", env.path("threads").toString());
        assertEquals("2/3", env.path("shard").asText());
        assertEquals("Test CPU @ 1 GHz", env.path("cpuModel").asText());
        assertEquals("2026-01-01T00:00:00Z", env.path("startedAt").asText());
        assertEquals("2026-01-01T00:01:00Z", env.path("finishedAt").asText());
        assertEquals("{\"commit\":\"abc\",\"dirty\":false}", env.path("git").toString());
        assertFalse(env.path("jmhLockIgnored").asBoolean(true));
        assertFalse(env.has("race") || env.has("ab") || env.has("shards"), "groups the run did not record stay out");
    }

    @Test
    void unfinishedRunHasNullFinishedAt() throws IOException {
        JsonNode env = written(null);
        assertTrue(env.has("finishedAt"));
        assertTrue(env.path("finishedAt").isNull());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    @Test
    void cpuModelIsTheFirstModelNameLine() throws IOException {
        Path cpuinfo = temp.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC 7B13\n");
        assertEquals("AMD EPYC 7B13", Environment.cpuModel(cpuinfo));
        assertEquals("unknown", Environment.cpuModel(temp.resolve("missing")));
    }

    @Test
    void gcAndHeapComeFromTheForkArguments() {
        assertEquals("G1", Environment.gcName(ForkSpec.BASE_JVM_ARGS));
        assertEquals(1L << 30, Environment.heapMaxBytes(ForkSpec.BASE_JVM_ARGS));
        assertEquals("Z", Environment.gcName(List.of("-XX:+UseZGC")));
    }
}
