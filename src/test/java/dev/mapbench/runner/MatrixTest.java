package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static BenchSettings settings(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BenchSettings.from(properties, 2);
    }

    @Test
    void smokeMatrixCoversEverySafeStrategyAtFiveRatiosAndTwoThreadCounts() {
        List<Cell> all = settings("bench.effort", "smoke").matrix();
        List<Cell> cells = all.stream().filter(c -> !c.isNamed()).toList();
        Set<Integer> threads = cells.stream().filter(c -> !c.isCalibration()).map(Cell::threads)
                .collect(Collectors.toSet());
        assertEquals(Set.of(1, 4), threads);
        for (MapStrategy strategy : MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).toList()) {
            for (int thread : threads) {
                Set<Integer> ratios = cells.stream()
                        .filter(c -> c.strategy() == strategy && c.threads() == thread)
                        .map(Cell::readPercent).collect(Collectors.toSet());
                assertEquals(Set.of(100, 95, 75, 50, 0), ratios, strategy + " at " + thread + " threads");
            }
        }
        // bare HashMap and bare ConcurrentHashMap calibration, then per thread count 5 ratios per safe strategy + the ceiling
        assertEquals(2 + 2 * ((int) MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count() * 5 + 1), cells.size());
        assertEquals(2 * MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count(),
                all.stream().filter(Cell::isNamed).count(), "smoke races the cache preset too, safe strategies only");
    }

    @Test
    void theDefaultMatrixRacesItsPresetsBesideTheGridAtTheThreadsTheirRolesCanUse() {
        List<Cell> named = settings().matrix().stream().filter(Cell::isNamed).toList();
        long safe = MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count();
        assertEquals(Set.of("cache", "counters", "config"), named.stream().map(c -> c.named().name())
                .collect(Collectors.toSet()));
        assertEquals(2 * safe, named.stream().filter(c -> c.named().name().equals("cache")).count(), "1 and 2 threads");
        assertEquals(Set.of(2), named.stream().filter(c -> c.named().name().equals("config")).map(Cell::threads)
                .collect(Collectors.toSet()), "readers and a writer need two threads");
        assertTrue(named.stream().noneMatch(c -> !c.strategy().threadSafe()), "presets that write: safe strategies only");
        Cell config = named.stream().filter(c -> c.named().name().equals("config")).findFirst().orElseThrow();
        assertEquals("RWLOCK_HASHMAP-W.config-t2", config.id());
        assertEquals("W.config-t2", config.workloadKey());
        assertTrue(config.benchmark().endsWith("MapOperationBenchmark.roles"));
        assertEquals(List.of(1, 1), config.forkSpec(Effort.DEFAULT.timing()).threadGroups());
        assertEquals("{strategy=RWLOCK_HASHMAP, workload=config}", config.params().toString());
    }

    @Test
    void bothGridWritesSideBySideGiveEveryWritingCellTwiceAndReadOnlyCellsOnce() {
        List<Cell> grid = settings("bench.writes", "update,remove-insert", "bench.workload", "none").matrix().stream()
                .filter(c -> !c.isCalibration() && c.strategy() == MapStrategy.CONCURRENT_HASHMAP && c.threads() == 1
                        && c.size() == 100 && c.keyDistribution() == KeyDistribution.UNIFORM).toList();
        assertEquals(List.of("CONCURRENT_HASHMAP-r100-s100-UNIFORM-t1", "CONCURRENT_HASHMAP-r95-s100-UNIFORM-UPDATE-t1",
                "CONCURRENT_HASHMAP-r95-s100-UNIFORM-t1"), grid.subList(0, 3).stream().map(Cell::id).toList());
        assertEquals(1 + 4 * 2, grid.size());
        assertThrows(IllegalArgumentException.class, () -> settings("bench.writes", "delete"));
        assertThrows(IllegalArgumentException.class, () -> settings("bench.workload", "no-such-preset"));
    }

    @Test
    void unsynchronizedHashMapGetsOnlyReadOnlyCells() {
        List<Cell> cells = settings("bench.effort", "full").matrix();
        List<Cell> unsafe = cells.stream().filter(c -> c.strategy() == MapStrategy.UNSYNCHRONIZED_HASHMAP && !c.isNamed())
                .toList();
        assertEquals(3 * 2 * 3, unsafe.size()); // sizes x distributions x threads {1,2,4}
        assertTrue(unsafe.stream().allMatch(c -> c.readPercent() == 100));
    }

    @Test
    void defaultMatrixHasTwoSizesTwoOrdersOfMagnitudeApartAndBothDistributions() {
        List<Cell> cells = settings().matrix().stream().filter(c -> !c.isNamed()).toList();
        assertEquals(Set.of(100, 10_000), cells.stream().map(Cell::size).collect(Collectors.toSet()));
        assertEquals(Set.of(KeyDistribution.UNIFORM, KeyDistribution.ZIPFIAN),
                cells.stream().map(Cell::keyDistribution).collect(Collectors.toSet()));
        assertEquals(Set.of(1, 2), cells.stream().map(Cell::threads).collect(Collectors.toSet()),
                "the default effort sweeps threads up to the 2 cores: oversubscribed cells are never decided");
    }

    @Test
    void matrixOrderIsStableAndStartsWithCalibration() {
        List<Cell> first = settings("bench.effort", "full").matrix();
        List<String> reversed = new ArrayList<>(Arrays.stream(MapStrategy.values()).map(MapStrategy::name).toList());
        Collections.reverse(reversed);
        List<Cell> second = settings("bench.effort", "full", "bench.strategies", String.join(",", reversed)).matrix();
        assertEquals(first, second, "listing strategies in another order must not reorder the matrix");
        assertEquals("CALIBRATION-s100-UNIFORM-t1", first.get(0).id());
        assertEquals("CALIBRATION_CHM-s100-UNIFORM-t1", first.get(1).id());
        assertEquals("RWLOCK_HASHMAP-r100-s100-UNIFORM-t1", first.get(12).id()); // after 3 sizes x 2 keys x 2 rulers
        assertEquals("RWLOCK_HASHMAP-r95-s100-UNIFORM-UPDATE-t1", first.get(13).id(), "the grid's writes are updates");
    }

    @Test
    void strategySelectionKeepsCalibrationAndOnlyTheNamedStrategies() {
        List<Cell> cells = settings("bench.effort", "smoke", "bench.strategies", "CONCURRENT_HASHMAP,COPY_ON_WRITE")
                .matrix();
        assertEquals(Set.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.COPY_ON_WRITE),
                cells.stream().filter(c -> !c.isCalibration()).map(Cell::strategy).collect(Collectors.toSet()));
        assertTrue(cells.get(0).isCalibration());
    }

    @Test
    void includeRegexIsSearchedInTheCellId() {
        List<Cell> cells = Matrix.select(settings("bench.effort", "default").matrix(),
                Pattern.compile("^COPY_ON_WRITE-r0-s10000")); // unanchored, PERSISTENT_COPY_ON_WRITE would match too
        assertEquals(2 * 2, cells.size()); // distributions x threads {1, 2}
        assertTrue(cells.stream().allMatch(c -> c.strategy() == MapStrategy.COPY_ON_WRITE && c.size() == 10_000));
    }

    @Test
    void oversubscribedCellsAreMarkedInFileNameAndDescription() {
        Cell cell = new Cell(MapStrategy.COPY_ON_WRITE, 95, 100, KeyDistribution.UNIFORM, 4);
        assertEquals("0042-COPY_ON_WRITE-r95-s100-UNIFORM-t4-oversubscribed.json", cell.fileName(42, 2));
        assertEquals("0042-COPY_ON_WRITE-r95-s100-UNIFORM-t4.json", cell.fileName(42, 4));
        assertTrue(cell.describe(2).contains("OVERSUBSCRIBED"));
    }

    @Test
    void cellParamsAreTheJmhParams() {
        Cell cell = new Cell(MapStrategy.STAMPED_LOCK, 50, 10_000, KeyDistribution.ZIPFIAN, 2);
        assertEquals("{strategy=STAMPED_LOCK, readPercent=50, size=10000, keyDistribution=ZIPFIAN, writes=REMOVE_INSERT}",
                cell.params().toString());
        assertEquals("{size=100, keyDistribution=UNIFORM}",
                Cell.calibration(100, KeyDistribution.UNIFORM).params().toString());
        assertTrue(Cell.calibration(100, KeyDistribution.UNIFORM).benchmark().endsWith("CalibrationBenchmark.hashMapGet"));
        Cell bareConcurrent = Cell.concurrentHashMapCalibration(10_000, KeyDistribution.ZIPFIAN);
        assertEquals("{size=10000, keyDistribution=ZIPFIAN}", bareConcurrent.params().toString());
        assertTrue(bareConcurrent.benchmark().endsWith("CalibrationBenchmark.concurrentHashMapGet"));
        assertEquals("CALIBRATION_CHM-s10000-ZIPFIAN-t1", bareConcurrent.id());
        assertTrue(bareConcurrent.isCalibration());
    }

    @Test
    void aCalibrationCellIsOnlyForTheMapsItHasABareBenchmarkFor() {
        assertThrows(IllegalArgumentException.class,
                () -> new Cell(MapStrategy.COPY_ON_WRITE, 100, 100, KeyDistribution.UNIFORM, 1, true, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Cell(null, 100, 100, KeyDistribution.UNIFORM, 1));
    }
}
