package dev.mapbench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbScheduleTest {

    private static List<Cell> cells() {
        return AbPlan.from(new Properties(), 2, 6, AbPlan.defaultTiming()).cells();
    }

    @Test
    void everyRoundRunsEachCellOnBothSidesOnce() {
        List<Cell> cells = cells();
        List<AbSchedule.Slot> schedule = AbSchedule.plan(cells, 6, 42);
        assertEquals(cells.size() * 2 * 6, schedule.size());
        for (int round = 1; round <= 6; round++) {
            int r = round;
            Set<String> pairs = new HashSet<>();
            schedule.stream().filter(slot -> slot.round() == r).forEach(slot -> assertTrue(pairs.add(slot.describe())));
            assertEquals(cells.size() * 2, pairs.size());
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        List<Cell> cells = cells();
        List<String> first = AbSchedule.plan(cells, 3, 42).stream().map(AbSchedule.Slot::describe).toList();
        assertEquals(first, AbSchedule.plan(cells, 3, 42).stream().map(AbSchedule.Slot::describe).toList());
        assertNotEquals(first, AbSchedule.plan(cells, 3, 43).stream().map(AbSchedule.Slot::describe).toList());
        int round = cells.size() * 2;
        assertNotEquals(first.subList(0, round), first.subList(round, 2 * round), "rounds are shuffled independently");
    }

    @Test
    void noPairRunsTwiceInARow() {
        List<Cell> two = cells().subList(0, 1); // one cell: two pairs a round, the worst case for repeats
        for (long seed = 0; seed < 200; seed++) {
            List<AbSchedule.Slot> schedule = AbSchedule.plan(two, 6, seed);
            for (int i = 1; i < schedule.size(); i++) {
                assertNotEquals(schedule.get(i - 1).describe(), schedule.get(i).describe(), "seed " + seed);
            }
        }
    }

    @Test
    void threeTreesRunEveryCellOnEveryTreeOnceARound() {
        List<Cell> cells = cells().subList(0, 4);
        List<AbSchedule.ArmSlot> schedule = AbSchedule.interleave(cells, 3, 1, 6, 42, null);
        assertEquals(4 * 3 * 6, schedule.size());
        for (int round = 1; round <= 6; round++) {
            int r = round;
            Set<String> pairs = new HashSet<>();
            schedule.stream().filter(slot -> slot.round() == r)
                    .forEach(slot -> assertTrue(pairs.add(slot.cell().id() + "/" + slot.arm())));
            assertEquals(4 * 3, pairs.size());
        }
    }

    @Test
    void laterRoundsExtendTheScheduleWithoutRepeatingThePairThatEndedIt() {
        List<Cell> one = cells().subList(0, 1);
        for (long seed = 0; seed < 200; seed++) {
            List<AbSchedule.ArmSlot> first = AbSchedule.interleave(one, 2, 1, 6, seed, null);
            AbSchedule.ArmSlot last = first.get(first.size() - 1);
            List<AbSchedule.ArmSlot> more = AbSchedule.interleave(one, 2, 7, 12, seed + 1, last);
            assertEquals(7, more.get(0).round());
            assertEquals(last.index() + 1, more.get(0).index(), "indices continue");
            assertNotEquals(last.arm(), more.get(0).arm(), "seed " + seed + ": the same pair twice in a row");
        }
    }

    @Test
    void theGateTakesPresetsAndUpdateWritesWhenAsked() {
        Properties properties = new Properties();
        properties.setProperty("bench.strategies", "CONCURRENT_HASHMAP");
        properties.setProperty("bench.threads", "1");
        List<String> plain = AbPlan.from(properties, 2, 6, AbPlan.defaultTiming()).cells().stream().map(Cell::id).toList();
        assertTrue(plain.stream().noneMatch(id -> id.contains("-W.")), "no named workload unless asked: " + plain);
        assertTrue(plain.contains("CONCURRENT_HASHMAP-r0-s100-UNIFORM-t1"), "remove + insert writes by default: " + plain);
        properties.setProperty("bench.workload", "cache,counters");
        properties.setProperty("bench.writes", "update");
        List<String> asked = AbPlan.from(properties, 2, 6, AbPlan.defaultTiming()).cells().stream().map(Cell::id).toList();
        assertTrue(asked.contains("CONCURRENT_HASHMAP-W.cache-t1") && asked.contains("CONCURRENT_HASHMAP-W.counters-t1"),
                asked.toString());
        assertTrue(asked.stream().anyMatch(id -> id.equals("CONCURRENT_HASHMAP-r0-s100-UNIFORM-UPDATE-t1")),
                "update writes when asked: " + asked);
    }

    @Test
    void keepingTheRegressedCellsKeepsTheirRulerAndMatrixPositions() {
        Properties properties = new Properties();
        properties.setProperty("bench.strategies", "RWLOCK_HASHMAP,CONCURRENT_HASHMAP");
        properties.setProperty("bench.threads", "1");
        AbPlan plan = AbPlan.from(properties, 2, 6, AbPlan.defaultTiming());
        AbPlan kept = plan.keeping(List.of("RWLOCK_HASHMAP-r100-s100-UNIFORM-t1"));
        assertEquals(List.of("CALIBRATION-s100-UNIFORM-t1", "CALIBRATION_CHM-s100-UNIFORM-t1",
                "RWLOCK_HASHMAP-r100-s100-UNIFORM-t1"), kept.cells().stream().map(Cell::id).toList());
        for (Cell cell : kept.cells()) {
            assertEquals(plan.positions().get(plan.cells().indexOf(cell)), kept.positions().get(kept.cells().indexOf(cell)));
        }
        assertEquals(12, kept.withForks(12).forks());
        IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> plan.keeping(List.of("COPY_ON_WRITE-r100-s100-UNIFORM-t1")));
        assertTrue(missing.getMessage().contains("not workload cells of this plan: COPY_ON_WRITE"), missing.getMessage());
    }

    @Test
    void planKeepsTheRulerWhateverTheIncludeSaysAndHonoursTheShard() {
        Properties properties = new Properties();
        properties.setProperty("bench.include", "^COPY_ON_WRITE-r0-"); // anchored: PERSISTENT_COPY_ON_WRITE too otherwise
        AbPlan plan = AbPlan.from(properties, 2, 4, AbPlan.defaultTiming());
        assertEquals(List.of("CALIBRATION-s100-UNIFORM-t1", "CALIBRATION_CHM-s100-UNIFORM-t1",
                "COPY_ON_WRITE-r0-s100-UNIFORM-t1", "COPY_ON_WRITE-r0-s100-UNIFORM-t2"),
                plan.cells().stream().map(Cell::id).toList());
        assertEquals(4, plan.forks());
        assertEquals(4 * 2 * 4, plan.slots());
        properties.setProperty("bench.include", "-r(100|0)-");
        properties.setProperty("bench.shard", "2/2");
        AbPlan shard = AbPlan.from(properties, 2, 6, AbPlan.defaultTiming());
        assertEquals(2, shard.rulerCells(), "every shard measures its own ruler");
        assertTrue(shard.cells().stream().filter(c -> !c.isCalibration()).allMatch(c -> c.readPercent() == 0),
                "shard 2/2 holds the second workload of each thread count: 0 % reads");
    }

    @Test
    void plannedTimeIsForksTimesTheForkCost() {
        AbPlan plan = AbPlan.from(new Properties(), 2, 6, new CellTiming(6, 2, 150, 4, 100));
        assertEquals(2 + (int) MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count() * 2 * 2, plan.cells().size());
        assertEquals(plan.slots() * plan.plannedSecondsPerFork(), plan.plannedSeconds(), 1e-9);
        assertTrue(plan.plannedSecondsPerFork() > 0.7 + AbPlan.HOST_START_SECONDS, "0.7 s timed + starts");
    }
}
