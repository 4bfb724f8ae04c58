package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static List<Cell> defaultMatrix() {
        return BenchSettings.from(new Properties(), 2).matrix();
    }

    @Test
    void shardsPartitionTheWorkloadCellsAndEachShardMeasuresEveryCalibrationCell() {
        List<Cell> matrix = defaultMatrix();
        long calibration = matrix.stream().filter(Cell::isCalibration).count();
        Set<Integer> seen = new HashSet<>();
        int workloadCells = 0;
        for (int index = 1; index <= 3; index++) {
            List<Integer> positions = Matrix.positionsOf(matrix, new Shard(index, 3));
            assertEquals(calibration, positions.stream().filter(p -> matrix.get(p).isCalibration()).count(),
                    "shard " + index + " must measure its own ruler");
            for (int position : positions) {
                if (!matrix.get(position).isCalibration()) {
                    workloadCells++;
                    assertTrue(seen.add(position), "position " + position + " in two shards");
                }
            }
        }
        assertEquals(matrix.size() - calibration, workloadCells);
    }

    @Test
    void everyStrategyOfOneWorkloadLandsOnTheSameShard() {
        List<Cell> matrix = defaultMatrix();
        Map<String, Set<Integer>> shardsOfWorkload = new HashMap<>();
        for (int index = 1; index <= 4; index++) {
            for (int position : Matrix.positionsOf(matrix, new Shard(index, 4))) {
                Cell cell = matrix.get(position);
                if (!cell.isCalibration()) {
                    shardsOfWorkload.computeIfAbsent(cell.workloadKey(), k -> new HashSet<>()).add(index);
                }
            }
        }
        long threadCounts = matrix.stream().map(Cell::threads).distinct().count();
        long named = matrix.stream().filter(Cell::isNamed).map(Cell::workloadKey).distinct().count();
        assertEquals(threadCounts * 2 * 2 * 5 + named, shardsOfWorkload.size()); // grid: threads x sizes x keys x reads
        shardsOfWorkload.forEach((workload, shards) -> assertEquals(1, shards.size(), workload + " split: " + shards));
        List<Integer> first = Matrix.positionsOf(matrix, Shard.parse("2/4"));
        assertEquals(first, Matrix.positionsOf(defaultMatrix(), Shard.parse("2/4")));
        Cell firstWorkloadCell = matrix.get(first.stream().filter(p -> !matrix.get(p).isCalibration()).findFirst()
                .orElseThrow());
        assertEquals("r95-s100-UNIFORM-UPDATE-t1", firstWorkloadCell.workloadKey()); // workload 1 of 0, 1, 2 ...
    }

    private static String workloadOf(String cellId) {
        return dev.mapbench.workload.CellId.parse(cellId).orElseThrow().workload();
    }

    @Test
    void workloadOfACellIdDropsOnlyTheStrategy() {
        assertEquals("r95-s100-UNIFORM-t2", workloadOf("COPY_ON_WRITE-r95-s100-UNIFORM-t2"));
        assertEquals(workloadOf("COPY_ON_WRITE-r95-s100-UNIFORM-t2"), workloadOf("CONCURRENT_HASHMAP-r95-s100-UNIFORM-t2"));
        assertEquals(workloadOf("org.example.TeamMap-r95-s100-UNIFORM-t2"), workloadOf("COPY_ON_WRITE-r95-s100-UNIFORM-t2"));
        assertEquals("LATENCY-*-r50-s100-UNIFORM-t2", workloadOf("LATENCY-RWLOCK_HASHMAP-r50-s100-UNIFORM-t2"));
        assertEquals("GC-G1-*-r95-s100-UNIFORM-t2", workloadOf("GC-G1-COPY_ON_WRITE-r95-s100-UNIFORM-t2"));
        assertEquals("CALIBRATION-s100-UNIFORM-t1", workloadOf("CALIBRATION-s100-UNIFORM-t1"));
    }

    @Test
    void shardParsingRejectsMalformedAndOutOfRange() {
        assertEquals(Shard.ALL, Shard.parse(""));
        assertEquals(new Shard(3, 4), Shard.parse(" 3/4 "));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> BenchProperty.SHARD.parse("0/4"));
        assertTrue(zero.getMessage().startsWith("bench.shard:"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
