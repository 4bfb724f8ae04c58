package dev.mapbench.results;

import static dev.mapbench.results.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run folders written before their files had a version (format version 1) read with today's readers. */
class RunFolderVersion1Test {

    @Test
    void readsTheVersion1EnvJsonOfARacedRunWithEveryGroup() throws BadInputException {
        EnvJson env = EnvJsonFile.read(fixture("runs/version1/env.json"));
        assertEquals(1, env.version());
        assertEquals("r18-a", env.run().runId());
        assertEquals(Instant.parse("2026-12-01T21:31:30.271904740Z"), env.run().startedAt());
        assertEquals("cf3199092d9b797e6c06cdba242ba2108fc7e9e4", env.run().git().commit());
        assertEquals("Intel(R) Xeon(R) Processor", env.machine().cpuModel());
        assertEquals(2, env.machine().cores());
        assertEquals(1L << 30, env.machine().heapMaxBytes());
        assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"), env.machine().jvmArgs());
        assertEquals("default", env.plan().effort());
        assertEquals(List.of(1, 2), env.plan().threads());
        assertEquals(10.0, env.plan().equivalenceMarginPercent());
        assertEquals("jdk", env.plan().strategyGroups().get("STAMPED_LOCK"));
        assertEquals(true, env.deep().latencyCells());
        assertEquals(900L, env.race().budgetSeconds());
        assertEquals(106796461L, env.race().seed());
        assertEquals(32, env.race().workloadsOpen().size());
        assertNull(env.race().plantedSlowFork());
        assertEquals(0, env.linearizabilityChecks().size());
        assertNull(env.ab());
        assertNull(env.merge());
        assertTrue(env.unknown().isEmpty(), env.unknown().toString());
    }

    @Test
    void readsEveryStoredVersion1EnvJson() throws BadInputException {
        EnvJson baseline = EnvJsonFile.read(Path.of("results/baseline/env.json"));
        assertEquals("baseline-lean", baseline.run().runId());
        assertEquals(6, baseline.plan().forks());
        assertNull(baseline.race(), "written before racing");
        assertNull(baseline.plan().strategyGroups(), "written before plug-ins");
        assertEquals(List.of(), baseline.deep().gcSweep());
        for (String run : List.of("runs/deep-measurements/env.json", "runs/iteration/env.json")) {
            EnvJson env = EnvJsonFile.read(fixture(run));
            assertEquals(1, env.version(), run);
            assertEquals("AMD EPYC", env.machine().cpuModel(), run);
        }
    }

    @Test
    void readsTheVersion1ForksCsv() throws BadInputException {
        List<ForkRow> rows = ForksCsv.read(fixture("runs/version1/forks.csv"));
        assertEquals(5, rows.size());
        ForkRow first = rows.get(0);
        assertEquals("STAMPED_LOCK-r100-s10000-ZIPFIAN-t2", first.cellId());
        assertEquals(Instant.parse("2026-12-01T21:31:30.517070840Z"), first.startedAt());
        assertEquals(46.32564898644302, first.score());
        assertEquals(46.32564898644303, first.value());
        assertEquals(3, first.warmupIterations());
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(ForkRow::order).toList());
    }

    @Test
    void theStoredBaselineIsStillTheEnvironmentItsHistoryRowsName() throws BadInputException {
        // results/history.csv's rows of this baseline carry environment id 31f7ef7aca
        Machine machine = EnvJsonFile.read(Path.of("results/baseline/env.json")).machine();
        assertEquals("cpuModel=AMD EPYC\ncores=2\njvm.vendor=Debian\njvm.version=17.0.15+6-Debian-1deb12u1\n"
                + "jvm.name=OpenJDK 64-Bit Server VM\ngc=G1\nheapMaxBytes=1073741824\njvmArgs=-Xms1g -Xmx1g -XX:+UseG1GC\n"
                + "os.name=Linux\nos.arch=amd64", String.join("\n", machine.identity().entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).toList()));
    }
}
