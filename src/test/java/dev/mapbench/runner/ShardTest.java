package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardTest {

    private static List<Cell> defaultMatrix() {
        return BenchSettings.from(new Properties(), 2).matrix();
    }

    @Test
    void shardsPartitionTheMatrixWithoutOverlapOrGap() {
        List<Cell> matrix = defaultMatrix();
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int index = 1; index <= 3; index++) {
            List<Integer> positions = Matrix.positionsOf(matrix, new Shard(index, 3));
            total += positions.size();
            seen.addAll(positions);
        }
        assertEquals(matrix.size(), total);
        assertEquals(matrix.size(), seen.size());
    }

    @Test
    void shardTakesEveryNthCellDeterministically() {
        List<Cell> matrix = defaultMatrix();
        List<Integer> first = Matrix.positionsOf(matrix, Shard.parse("2/4"));
        List<Integer> again = Matrix.positionsOf(defaultMatrix(), Shard.parse("2/4"));
        assertEquals(first, again);
        assertEquals(List.of(1, 5, 9), first.subList(0, 3));
        List<String> ids = new ArrayList<>();
        first.forEach(p -> ids.add(matrix.get(p).id()));
        assertEquals(matrix.get(1).id(), ids.get(0));
    }

    @Test
    void shardParsingRejectsMalformedAndOutOfRange() {
        assertEquals(Shard.ALL, Shard.parse(""));
        assertEquals(new Shard(3, 4), Shard.parse(" 3/4 "));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/4"));
        assertTrue(zero.getMessage().startsWith("bench.shard:"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("2"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/b"));
    }
}
