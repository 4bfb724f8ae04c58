package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.GarbageCollector;
import dev.mapbench.bench.IterationSplit;
import dev.mapbench.maps.MapStrategy;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

class ExtraCellsTest {

    private static BenchSettings settings(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BenchSettings.from(properties, 2);
    }

    private static List<String> ids(List<? extends ExtraCell> cells) {
        return cells.stream().map(ExtraCell::id).toList();
    }

    @Test
    void defaultEffortMeasuresLatencyOfEverySafeStrategyAtEveryDistinctContendedSplit() {
        BenchSettings settings = settings("bench.threads", "1,2,4");
        List<ExtraCell> cells = ExtraCells.plan(settings, new DeepSettings(true, List.of(), false, false), 2).stream()
                .filter(LatencyCell.class::isInstance).toList();

        // 3 + 4 distinct splits at 2 and 4 threads, for every safe strategy; largest size, uniform keys
        assertEquals(7 * MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count(), cells.size());
        assertTrue(ids(cells).stream().noneMatch(id -> id.contains("UNSYNCHRONIZED")));
        assertTrue(ids(cells).stream().allMatch(id -> id.contains("-s10000-UNIFORM-")), ids(cells).toString());
        assertTrue(ids(cells).stream().noneMatch(id -> id.endsWith("-t1")), ids(cells).toString());
        assertEquals("LATENCY-RWLOCK_HASHMAP-r100-s10000-UNIFORM-t2", cells.get(0).id());
        assertTrue(ids(cells).contains("LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4"));
    }

    @Test
    void aNamedWorkloadWithRolesHasEachRoleTimedForEverySafeStrategyAtTheContendedThreads() {
        BenchSettings settings = settings("bench.threads", "1,2", "bench.workload", "config,cache");
        List<RoleLatencyCell> cells = ExtraCells.plan(settings, new DeepSettings(true, List.of(), false, false), 2)
                .stream().filter(RoleLatencyCell.class::isInstance).map(RoleLatencyCell.class::cast).toList();
        long safe = MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count();
        assertEquals(safe, cells.size(), "config (cache has no roles) at 2 threads only: " + ids(cells));
        assertEquals("LATENCY-RWLOCK_HASHMAP-W.config-t2", cells.get(0).id());
        assertEquals("LATENCY-*-W.config-t2", cells.get(0).workload());
        ForkSpec spec = cells.get(0).forkSpec();
        assertEquals("dev.mapbench.bench.MapOperationBenchmark.rolesLatency", spec.benchmark());
        assertEquals(List.of(1, 1), spec.threadGroups(), "1 reader + 1 writer");
        assertEquals("config", spec.params().get("workload"));
        assertEquals("role latency RWLOCK_HASHMAP workload=config 1 readers + 1 writer", cells.get(0).describe());

        assertEquals(List.of("LATENCY-STAMPED_LOCK-W.config-t2"), ExtraCells.plan(settings("bench.threads", "1,2,4",
                "bench.workload", "config", "bench.include", "LATENCY-STAMPED_LOCK-W"),
                new DeepSettings(true, List.of(), false, false), 2).stream().map(ExtraCell::id).toList(),
                "bench.include selects them by id, even when it leaves out the throughput cell they follow; "
                        + "none at 4 threads on 2 cores");
        assertTrue(ExtraCells.plan(settings, new DeepSettings(false, List.of(), false, false), 2).isEmpty(),
                "no latency cells asked for, none timed");
    }

    @Test
    void extraCellsAreDealtToShardsByWorkloadSoItsStrategiesShareAMachine() throws Exception {
        BenchSettings settings = settings("bench.threads", "1,2,4");
        List<ExtraCell> cells = ExtraCells.plan(settings, new DeepSettings(true, List.of(), false, false), 2);
        assertEquals("LATENCY-*-r75-s10000-UNIFORM-t4", cells.stream()
                .filter(c -> c.id().equals("LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4")).findFirst().orElseThrow()
                .workload());
        java.util.Map<String, java.util.Set<Integer>> shardsOfWorkload = new java.util.HashMap<>();
        int total = 0;
        for (int index = 1; index <= 3; index++) {
            ExtraCellRunner runner = new ExtraCellRunner(cells, 100, new Shard(index, 3),
                    new RunFolder(java.nio.file.Files.createTempDirectory("shard")), 2, System.out);
            total += runner.cellsInShard();
            for (ExtraCell cell : cells) {
                if (runner.belongs(cell)) {
                    shardsOfWorkload.computeIfAbsent(cell.workload(), w -> new java.util.HashSet<>()).add(index);
                }
            }
        }
        assertEquals(cells.size(), total, "every extra cell in exactly one shard");
        assertTrue(shardsOfWorkload.values().stream().allMatch(shards -> shards.size() == 1), shardsOfWorkload.toString());
        assertEquals(7 + 1, shardsOfWorkload.size(),
                "7 thread splits and config's roles at 2 threads (4 oversubscribes), each with all its strategies");
    }

    @Test
    void latencyPlanFitsItsShareOfTheDefaultBudget() {
        // the main job's strategies (MapStrategy.mainJob()), the default effort's default
        List<ExtraCell> cells = ExtraCells.plan(settings("bench.threads", "1,2,4"),
                new DeepSettings(true, List.of(), false, false), 2);
        double planned = cells.stream().mapToDouble(c -> c.timing().plannedSeconds()).sum();

        assertTrue(planned < 90, "planned " + planned + " s");
    }

    @Test
    void singleThreadLatencyCellsOnlyInFullEffortOrWhenOneThreadIsAllThereIs() {
        assertEquals(List.of(2, 4), ExtraCells.latencyThreads(Effort.DEFAULT, List.of(1, 2, 4)));
        assertEquals(List.of(1, 2, 4), ExtraCells.latencyThreads(Effort.FULL, List.of(1, 2, 4)));
        assertEquals(List.of(1), ExtraCells.latencyThreads(Effort.DEFAULT, List.of(1)));
    }

    @Test
    void fullEffortCoversEverySizeAndDistribution() {
        List<LatencyCell> cells = ExtraCells.latencyCells(settings("bench.effort", "full", "bench.threads", "2",
                "bench.strategies", "RWLOCK_HASHMAP"));

        assertEquals(3 * 2 * 3, cells.size()); // sizes × distributions × splits at 2 threads
        assertEquals(2, cells.get(0).timing().forks());
    }

    @Test
    void gcSweepCoversAllocationHeavyStrategiesUnderEachCollectorWithoutOversubscribing() {
        BenchSettings settings = settings("bench.threads", "1,2,4");
        List<GcSweepCell> cells = ExtraCells.gcSweepCells(settings,
                new DeepSettings(false, List.of(GarbageCollector.G1, GarbageCollector.Z), true, false), 2);

        assertEquals(2 * 2 * 2 * 3, cells.size()); // collectors × strategies × sizes × read shares
        assertTrue(cells.stream().allMatch(c -> c.threads() == 2));
        assertEquals("GC-G1-COPY_ON_WRITE-r100-s100-UNIFORM-t2", cells.get(0).id());
        assertTrue(ids(cells).contains("GC-Z-WRAPPER_LAYER-r50-s10000-UNIFORM-t2"));
    }

    @Test
    void includeAndStrategiesSelectExtraCellsLikeMatrixCells() {
        BenchSettings settings = settings("bench.threads", "2", "bench.strategies", "COPY_ON_WRITE,RWLOCK_HASHMAP",
                "bench.include", "^(LATENCY-RWLOCK|GC-PARALLEL)");
        List<ExtraCell> cells = ExtraCells.plan(settings,
                new DeepSettings(true, List.of(GarbageCollector.values()), false, false), 2);

        assertEquals(List.of("LATENCY-RWLOCK_HASHMAP-r100-s10000-UNIFORM-t2", "LATENCY-RWLOCK_HASHMAP-r50-s10000-UNIFORM-t2",
                "LATENCY-RWLOCK_HASHMAP-r0-s10000-UNIFORM-t2", "LATENCY-RWLOCK_HASHMAP-W.config-t2", "GC-PARALLEL-COPY_ON_WRITE-r100-s100-UNIFORM-t2",
                "GC-PARALLEL-COPY_ON_WRITE-r95-s100-UNIFORM-t2", "GC-PARALLEL-COPY_ON_WRITE-r50-s100-UNIFORM-t2",
                "GC-PARALLEL-COPY_ON_WRITE-r100-s10000-UNIFORM-t2", "GC-PARALLEL-COPY_ON_WRITE-r95-s10000-UNIFORM-t2",
                "GC-PARALLEL-COPY_ON_WRITE-r50-s10000-UNIFORM-t2"), ids(cells));
    }

    @Test
    void latencyCellSetsThreadGroupsAndALabelThatMatchesThem() {
        LatencyCell cell = ExtraCells.latencyCells(settings("bench.threads", "4", "bench.strategies", "RWLOCK_HASHMAP"))
                .get(1);
        Options options = cell.forkSpec().toOptions();

        assertEquals("LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4", cell.id());
        assertArrayEquals(new int[] {3, 1}, options.getThreadGroups().get());
        assertEquals(4, options.getThreads().get());
        assertEquals(List.of("75"), List.copyOf(options.getParameter("readPercent").get()));
        assertEquals(List.of("^\\Qdev.mapbench.bench.MapLatencyBenchmark.readWrite\\E$"), options.getIncludes());
    }

    @Test
    void gcSweepCellSwapsTheCollectorFlagAndRecordsTheCollectorAsAParameter() {
        GcSweepCell cell = new GcSweepCell(GarbageCollector.PARALLEL, MapStrategy.COPY_ON_WRITE, 95, 100,
                dev.mapbench.bench.KeyDistribution.UNIFORM, 2, Effort.DEFAULT.timing(), true);
        Options options = cell.forkSpec().toOptions();

        List<String> jvmArgs = List.copyOf(options.getJvmArgs().get());
        assertTrue(jvmArgs.contains("-XX:+UseParallelGC"), jvmArgs.toString());
        assertTrue(jvmArgs.stream().noneMatch(a -> a.equals("-XX:+UseG1GC")), jvmArgs.toString());
        assertTrue(jvmArgs.containsAll(ForkSpec.BASE_JVM_ARGS.stream().filter(a -> a.startsWith("-Xm")).toList()));
        assertEquals(List.of("PARALLEL"), List.copyOf(options.getParameter("gc").get()));
        assertEquals("churn=true", options.getProfilers().get(0).getOpts());
    }

    @Test
    void extraCellFileNamesContinueTheMatrixFormat() {
        LatencyCell cell = ExtraCells.latencyCells(settings("bench.threads", "4", "bench.strategies", "RWLOCK_HASHMAP"))
                .get(0);

        assertEquals("0123-LATENCY-RWLOCK_HASHMAP-r100-s10000-UNIFORM-t4-oversubscribed.json", cell.fileName(123, 2));
        assertEquals("LATENCY-RWLOCK_HASHMAP-r100-s10000-UNIFORM-t4", RunFolder.cellId(cell.fileName(123, 2)));
    }

    private static final DeepSettings ITERATION_ONLY = new DeepSettings(false, List.of(), false, false, true);

    @Test
    void defaultEffortWalksEverySafeStrategyAtTenThousandEntriesBothWaysWithinItsBudget() {
        List<ExtraCell> cells = ExtraCells.plan(settings("bench.threads", "1,2,4"), ITERATION_ONLY, 2);
        double planned = cells.stream().mapToDouble(c -> c.timing().plannedSeconds()).sum();

        assertEquals(2 * MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count(), cells.size()); // consume and JSON
        assertEquals("ITERATION-RWLOCK_HASHMAP-CONSUME-s10000-i1r0w1-t2", cells.get(0).id());
        assertTrue(ids(cells).contains("ITERATION-COPY_ON_WRITE-JSON-s10000-i1r0w1-t2"), ids(cells).toString());
        assertTrue(ids(cells).stream().noneMatch(id -> id.contains("UNSYNCHRONIZED")));
        assertTrue(cells.stream().allMatch(c -> c.threads() == 2 && c.timing().forks() == 2),
                "two forks: no walk verdict rests on one fork");
        assertTrue(planned <= 60, "planned " + planned + " s");
    }

    @Test
    void smokeRunsOneIterationCellInAFewSeconds() {
        List<ExtraCell> cells = ExtraCells.plan(settings("bench.effort", "smoke"), DeepSettings.from(new Properties(),
                Effort.SMOKE), 2);

        assertEquals(List.of("ITERATION-RWLOCK_HASHMAP-JSON-s100-i1r0w1-t2"), ids(cells));
        assertTrue(cells.get(0).timing().plannedSeconds() <= 10, "planned " + cells.get(0).timing().plannedSeconds());
        assertEquals(List.of("ITERATION-COPY_ON_WRITE-JSON-s100-i1r0w1-t2"), ids(ExtraCells.plan(
                settings("bench.effort", "smoke", "bench.strategies", "UNSYNCHRONIZED_HASHMAP,COPY_ON_WRITE"),
                ITERATION_ONLY, 2)));
    }

    @Test
    void fullEffortIterationCoversThreeSizesAndTheSplitsTheLargestThreadCountAllows() {
        List<IterationCell> cells = ExtraCells.iterationCells(settings("bench.effort", "full", "bench.threads", "1,2,4",
                "bench.strategies", "CONCURRENT_HASHMAP"));

        assertEquals(3 * 3 * 2, cells.size()); // splits × sizes × visits
        assertTrue(ids(cells).contains("ITERATION-CONCURRENT_HASHMAP-JSON-s100000-i2r0w2-t4"), ids(cells).toString());
        assertTrue(ids(cells).contains("ITERATION-CONCURRENT_HASHMAP-CONSUME-s100-i1r2w1-t4"), ids(cells).toString());
        assertEquals(2, cells.get(0).timing().forks());
        assertEquals(List.of(new IterationSplit(1, 0, 1)), ExtraCells.iterationSplits(Effort.FULL, List.of(1, 2)));
    }

    @Test
    void iterationCellSetsThreeThreadGroupsItsSplitAsParamsAndTheViewProfiler() {
        IterationCell cell = ExtraCells.iterationCells(settings("bench.effort", "full", "bench.threads", "4",
                "bench.strategies", "STAMPED_LOCK")).stream().filter(c -> c.split().readers() == 2).findFirst().orElseThrow();
        Options options = cell.forkSpec().toOptions();

        assertArrayEquals(new int[] {1, 2, 1}, options.getThreadGroups().get());
        assertEquals(4, options.getThreads().get());
        assertEquals(List.of("2"), List.copyOf(options.getParameter("readers").get()));
        assertEquals(List.of("CONSUME"), List.copyOf(options.getParameter("visit").get()));
        assertEquals(List.of("^\\Qdev.mapbench.bench.MapIterationBenchmark.iteration\\E$"), options.getIncludes());
        assertEquals("dev.mapbench.bench.IterationViewProfiler", options.getProfilers().get(0).getKlass());
        assertEquals("0200-ITERATION-STAMPED_LOCK-CONSUME-s100-i1r2w1-t4-oversubscribed.json", cell.fileName(200, 2));
    }

    @Test
    void includeIterationSelectsIterationCellsAndNoMatrixCell() {
        BenchSettings settings = settings("bench.include", "ITERATION");

        assertEquals(List.of(), settings.matrix());
        List<ExtraCell> cells = ExtraCells.plan(settings, DeepSettings.from(new Properties(), Effort.DEFAULT), 2);
        assertEquals(12, cells.size());
        assertTrue(cells.stream().allMatch(cell -> cell instanceof IterationCell), ids(cells).toString());
    }
}
