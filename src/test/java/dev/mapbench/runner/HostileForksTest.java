package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.results.ForkStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Real JMH forks of the hostile example maps: the watchdog ends a fork that hangs (and the JVM JMH forked for it),
 * the tear-down's state check turns a map corrupted by racing writes into a corrupted fork.
 */
@Tag("slow")
class HostileForksTest {

    @BeforeAll
    static void buildJarsAndPutThemOnTheForksPath() {
        ExamplePluginJars.build();
        PluginClasspath.parse(ExamplePluginJars.HOSTILE_JAR.toString()).installForForks();
        System.setProperty("jmh.ignoreLock", "true"); // the forks are short; the suite holds no JMH lock
    }

    private static Strategy plugin(String name) {
        return Strategies.resolve(name, PluginClasspath.parse(ExamplePluginJars.HOSTILE_JAR.toString()).loader(),
                Set.of());
    }

    private static CellExecutor executor(Duration limit, ByteArrayOutputStream jmh) {
        CellTiming timing = new CellTiming(1, 1, 100, 3, 100);
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("bench.forkTimeout", limit.toSeconds() + "s");
        return new CellExecutor(cell -> timing, OutputFormatFactory.createFormatInstance(
                new PrintStream(jmh, true, StandardCharsets.UTF_8), VerboseMode.NORMAL), ForkWatchdog.from(properties));
    }

    @Test
    void aForkThatHangsIsEndedAtItsLimitWithTheJvmJmhForked() {
        Cell cell = new Cell(plugin(ExamplePluginJars.HANGING_MAP), 100, 100, KeyDistribution.UNIFORM, 1);
        long start = System.nanoTime();
        UnmeasuredFork timedOut = assertThrows(UnmeasuredFork.class,
                () -> executor(Duration.ofSeconds(10), new ByteArrayOutputStream()).run(cell));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ForkStatus.TIMED_OUT, timedOut.status());
        assertTrue(timedOut.detail().startsWith("ran past its limit of 10 s"), timedOut.detail());
        assertTrue(seconds < 40, "ended near its limit, not at JMH's own time-out: " + seconds + " s");
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "no fork JVM left behind");
    }

    @Test
    void aMapCorruptedByRacingWritesFailsItsForkAsCorrupted() {
        Cell cell = new Cell(plugin(ExamplePluginJars.CORRUPTING_MAP), 50, 100, KeyDistribution.UNIFORM, 4);
        ByteArrayOutputStream jmh = new ByteArrayOutputStream();
        UnmeasuredFork corrupted = assertThrows(UnmeasuredFork.class,
                () -> executor(Duration.ofSeconds(90), jmh).run(cell), () -> jmh.toString(StandardCharsets.UTF_8));
        assertEquals(ForkStatus.CORRUPTED, corrupted.status());
        assertFalse(corrupted.detail().isBlank());
    }

    @Test
    void aCorrectForkReportsItsStateCheckCost() throws Exception {
        Cell cell = new Cell(plugin(ExamplePluginJars.CORRUPTING_MAP), 100, 100, KeyDistribution.UNIFORM, 1);
        CellExecutor executor = executor(Duration.ofSeconds(90), new ByteArrayOutputStream());
        executor.run(cell, 1, List.of());
        assertTrue(executor.lastStateCheckMillis() >= 0, "the state check wrote its cost: "
                + executor.lastStateCheckMillis());
    }

}
