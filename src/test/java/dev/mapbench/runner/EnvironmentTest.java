package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    @TempDir
    Path temp;

    private static Map<String, Object> describe(Instant finishedAt) {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.shard", "2/3");
        BenchSettings settings = BenchSettings.from(properties, 2);
        return Environment.describe(settings, "run-1", 2, "Test CPU @ 1 GHz", Map.of("commit", "abc", "dirty", false),
                List.of("-Xmx512m", "-XX:+UseParallelGC"), 21, Instant.parse("2026-01-01T00:00:00Z"), finishedAt);
    }

    @Test
    void envHoldsEveryContractField() {
        Map<String, Object> env = describe(Instant.parse("2026-01-01T00:01:00Z"));
        for (String field : List.of("jvm", "gc", "jvmArgs", "heapMaxBytes", "cores", "cpuModel", "os", "git", "effort",
                "threads", "forks", "warmupIterations", "measurementIterations", "shard", "startedAt", "finishedAt",
                "runId")) {
            assertNotNull(env.get(field), field);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> jvm = (Map<String, Object>) env.get("jvm");
        assertEquals(List.of("home", "name", "vendor", "version"), jvm.keySet().stream().sorted().toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> os = (Map<String, Object>) env.get("os");
        assertEquals(List.of("arch", "name", "version"), os.keySet().stream().sorted().toList());
        assertEquals("Parallel", env.get("gc"));
        assertEquals(512L << 20, env.get("heapMaxBytes"));
        assertEquals("smoke", env.get("effort"));
        assertEquals(List.of(1, 4), env.get("threads"));
        assertEquals("2/3", env.get("shard"));
        assertEquals("Test CPU @ 1 GHz", env.get("cpuModel"));
        assertEquals("2026-01-01T00:00:00Z", env.get("startedAt"));
        assertEquals("2026-01-01T00:01:00Z", env.get("finishedAt"));
        assertEquals(false, env.get("jmhLockIgnored"));
    }

    @Test
    void unfinishedRunHasNullFinishedAt() {
        Map<String, Object> env = describe(null);
        assertTrue(env.containsKey("finishedAt"));
        assertNull(env.get("finishedAt"));
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
