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
        List<Cell> cells = settings("bench.effort", "smoke").matrix();
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
    }

    @Test
    void unsynchronizedHashMapGetsOnlyReadOnlyCells() {
        List<Cell> cells = settings("bench.effort", "full").matrix();
        List<Cell> unsafe = cells.stream().filter(c -> c.strategy() == MapStrategy.UNSYNCHRONIZED_HASHMAP).toList();
        assertEquals(3 * 2 * 3, unsafe.size()); // sizes x distributions x threads {1,2,4}
        assertTrue(unsafe.stream().allMatch(c -> c.readPercent() == 100));
    }

    @Test
    void defaultMatrixHasTwoSizesTwoOrdersOfMagnitudeApartAndBothDistributions() {
        List<Cell> cells = settings().matrix();
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
        assertEquals("RWLOCK_HASHMAP-r95-s100-UNIFORM-t1", first.get(13).id());
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
        assertEquals("{strategy=STAMPED_LOCK, readPercent=50, size=10000, keyDistribution=ZIPFIAN}",
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
                () -> new Cell(MapStrategy.COPY_ON_WRITE, 100, 100, KeyDistribution.UNIFORM, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new Cell(null, 100, 100, KeyDistribution.UNIFORM, 1));
    }
}
