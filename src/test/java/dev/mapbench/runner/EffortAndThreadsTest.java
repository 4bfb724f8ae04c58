package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EffortAndThreadsTest {

    @Test
    void effortParsesAnyCaseAndBlankMeansDefault() {
        assertEquals(Effort.SMOKE, Effort.parse("smoke"));
        assertEquals(Effort.FULL, Effort.parse(" FULL "));
        assertEquals(Effort.DEFAULT, Effort.parse(""));
        assertEquals(Effort.DEFAULT, Effort.parse(null));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BenchProperty.EFFORT.parse("quick"));
        assertEquals("bench.effort: 'quick' is not one of smoke, default, full", bad.getMessage());
    }

    @Test
    void fullRunsAtLeastSixForks() {
        assertTrue(Effort.FULL.forks() >= 6);
    }

    @Test
    void benchForksOverridesTheEffortsForksButNotItsIterations() {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "full");
        assertEquals(Effort.FULL.forks(), BenchSettings.from(properties, 2).matrixTiming().forks());
        properties.setProperty("bench.forks", "12");
        CellTiming timing = BenchSettings.from(properties, 2).matrixTiming();
        assertEquals(12, timing.forks());
        assertEquals(Effort.FULL.measurementIterations(), timing.measurementIterations());
        assertEquals(2 * Effort.FULL.plannedSecondsPerCell(), timing.plannedSeconds(), 1e-9);
    }

    @Test
    void benchForksMustBeAPositiveWholeNumber() {
        for (String bad : List.of("0", "-3", "six", "2.5")) {
            Properties properties = new Properties();
            properties.setProperty("bench.forks", bad);
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> BenchSettings.from(properties, 2));
            assertEquals("bench.forks: '" + bad + "' is not a whole number of forks >= 1", error.getMessage());
        }
    }

    @Test
    void plannedBudgetsFitTwoAndFifteenMinutesOnTwoCores() {
        Properties smoke = new Properties();
        smoke.setProperty("bench.effort", "smoke");
        int smokeCells = BenchSettings.from(smoke, 2).matrix().size();
        assertTrue(smokeCells * Effort.SMOKE.plannedSecondsPerCell() <= 100,
                "smoke plan " + smokeCells * Effort.SMOKE.plannedSecondsPerCell() + " s");
        int defaultCells = BenchSettings.from(new Properties(), 2).matrix().size();
        assertTrue(defaultCells * Effort.DEFAULT.plannedSecondsPerCell() <= 14 * 60,
                "default plan " + defaultCells * Effort.DEFAULT.plannedSecondsPerCell() + " s");
    }

    @Test
    void smokeAndDefaultMeasureTheMainJobsStrategiesFullEveryOneAllNamesThemAll() {
        Properties smoke = new Properties();
        smoke.setProperty("bench.effort", "smoke");
        assertEquals(List.copyOf(MapStrategy.mainJob()), BenchSettings.from(smoke, 2).strategies());
        assertEquals(List.copyOf(MapStrategy.mainJob()), BenchSettings.from(new Properties(), 2).strategies());
        Properties full = new Properties();
        full.setProperty("bench.effort", "full");
        assertEquals(List.of(MapStrategy.values()), BenchSettings.from(full, 2).strategies());
        Properties all = new Properties();
        all.setProperty("bench.strategies", "all");
        assertEquals(List.of(MapStrategy.values()), BenchSettings.from(all, 2).strategies());
    }

    @Test
    void sweepDoublesUpToTwiceTheCores() {
        assertEquals(List.of(1, 2, 4), ThreadCounts.sweep(2));
        assertEquals(List.of(1, 2, 4, 6), ThreadCounts.sweep(3));
        assertEquals(List.of(1, 2), ThreadCounts.sweep(1));
    }

    @Test
    void smokeKeepsFirstAndLastThreadCountDefaultThoseThatFitTheCoresFullAll() {
        assertEquals(List.of(1, 4), Effort.SMOKE.threadsFrom(ThreadCounts.sweep(2), 2));
        assertEquals(List.of(1, 2), Effort.DEFAULT.threadsFrom(ThreadCounts.sweep(2), 2));
        assertEquals(List.of(1, 2, 4), Effort.DEFAULT.threadsFrom(ThreadCounts.sweep(4), 4));
        assertEquals(List.of(1, 2, 4), Effort.FULL.threadsFrom(ThreadCounts.sweep(2), 2));
    }

    @Test
    void threadListParsesSortsAndDropsDuplicates() {
        assertEquals(List.of(1, 2, 8), ThreadCounts.parse("8, 1,2,2"));
        assertEquals("bench.threads: 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> BenchProperty.THREADS.parse("1,0")).getMessage());
        assertEquals("bench.threads: 'x' is not a number in '1,x'",
                assertThrows(IllegalArgumentException.class, () -> BenchProperty.THREADS.parse("1,x")).getMessage());
    }

    @Test
    void explicitThreadsOverrideTheEffortSweep() {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.threads", "2,8");
        assertEquals(List.of(2, 8), BenchSettings.from(properties, 2).threads());
    }

    @Test
    void unknownStrategyIsOneClearError() {
        Properties properties = new Properties();
        properties.setProperty("bench.strategies", "CONCURRENT_HASHMAP,TREE_MAP");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BenchSettings.from(properties, 2));
        assertTrue(bad.getMessage().startsWith("bench.strategies: 'TREE_MAP' is not one of"));
    }
}
