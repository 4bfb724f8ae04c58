package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForkStatus;
import dev.mapbench.results.ForksCsv;
import dev.mapbench.stats.VerdictSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fork that times out or corrupts its map, on a simulated machine: filed, never forked again, named. */
class UnmeasuredForkTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private final List<Cell> cells = List.of(
            new Cell(MapStrategy.CONCURRENT_HASHMAP, 50, 100, KeyDistribution.UNIFORM, 1),
            new Cell(MapStrategy.STAMPED_LOCK, 50, 100, KeyDistribution.UNIFORM, 1),
            new Cell(MapStrategy.SYNCHRONIZED_MAP, 50, 100, KeyDistribution.UNIFORM, 1));

    /** Hangs in every fork of the stamped-lock cell, corrupts in every fork of the synchronized one. */
    private static final class HostileMachine implements ForkExecutor {
        final RacingTest.SimulatedMachine machine = machine();

        @Override
        public Fork run(Cell cell, int warmupFactor, List<String> jvmArgs) {
            Fork fork = machine.run(cell, warmupFactor, jvmArgs);
            if (cell.strategy() == MapStrategy.STAMPED_LOCK) {
                machine.nanos += 59_000_000_000L;
                throw sneaky(new UnmeasuredFork(ForkStatus.TIMED_OUT, "ran past its limit of 61 s"));
            }
            if (cell.strategy() == MapStrategy.SYNCHRONIZED_MAP) {
                throw sneaky(new UnmeasuredFork(ForkStatus.CORRUPTED, "size() is 97 but a walk visits 100 entries"));
            }
            return fork;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static RacingTest.SimulatedMachine machine() {
        return new RacingTest.SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 50.0, MapStrategy.STAMPED_LOCK, 48.0,
                MapStrategy.SYNCHRONIZED_MAP, 30.0), 0.05, 1.0);
    }

    private ForkScheduler scheduler(HostileMachine hostile, ForkLog log) {
        return scheduler(hostile.machine, hostile, log);
    }

    private ForkScheduler scheduler(RacingTest.SimulatedMachine machine, ForkLog log) {
        return scheduler(machine, machine, log);
    }

    private ForkScheduler scheduler(RacingTest.SimulatedMachine machine, ForkExecutor executor, ForkLog log) {
        RaceSettings settings = new RaceSettings(false, null, Instant.EPOCH, VerdictSettings.defaults(), 24, 1);
        return new ForkScheduler(new Race(cells, IntStream.range(0, cells.size()).boxed().toList(), 2,
                settings.verdicts(), settings.maxForks()), settings, log,
                new Budget(Instant.EPOCH, null, 0, machine::now), executor,
                new PrintStream(console, true, StandardCharsets.UTF_8), 2, 1.0, () -> machine.nanos, machine::now,
                (cell, name) -> 0);
    }

    @Test
    void aTimedOutAndACorruptedForkAreFiledAndTheirCellsGetNoMoreForks() throws Exception {
        RunFolder folder = new RunFolder(temp.resolve("run"));
        folder.create();
        ForkLog log = ForkLog.open(folder);
        ForkScheduler scheduler = scheduler(new HostileMachine(), log);
        scheduler.fixedRounds(3);

        List<ForkRow> rows = ForksCsv.read(folder.file(ForksCsv.FILE));
        assertEquals(3, rows.stream().filter(r -> r.cellId().equals(cells.get(0).id())).count(), "the good cell ran on");
        List<ForkRow> hung = rows.stream().filter(r -> r.cellId().equals(cells.get(1).id())).toList();
        assertEquals(1, hung.size(), "one fork of the hanging cell, then no more");
        assertEquals(ForkStatus.TIMED_OUT, hung.get(0).status());
        assertTrue(hung.get(0).seconds() >= 60, "its wall time is on record: " + hung.get(0).seconds());
        ForkRow corrupted = rows.stream().filter(r -> r.cellId().equals(cells.get(2).id())).findFirst().orElseThrow();
        assertEquals(ForkStatus.CORRUPTED, corrupted.status());
        assertEquals("size() is 97 but a walk visits 100 entries", corrupted.detail());
        assertEquals(2, scheduler.failures());
        assertEquals(Map.of(cells.get(1).id(), ForkStatus.TIMED_OUT, cells.get(2).id(), ForkStatus.CORRUPTED),
                scheduler.unmeasuredCells());
        assertFalse(log.scoresByCell().containsKey(cells.get(1).id()), "a timed-out fork has no score to race on");
        Path status = folder.root().resolve("forks").resolve("0001-" + cells.get(1).id()).resolve("fork-01.timed-out.txt");
        assertEquals("timed out: ran past its limit of 61 s\n", Files.readString(status));
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("TIMED OUT (60.0 s): ran past its limit of 61 s (no more forks of this cell; it is never "
                + "ranked)"), text);
        assertEquals(List.of("corrupted (never ranked): " + cells.get(2).id(), "timed out (never ranked): "
                + cells.get(1).id()), BenchRunner.unmeasuredLines(Map.of(cells.get(1).id(), "timed out",
                cells.get(2).id(), "corrupted")));
    }

    @Test
    void aResumeDoesNotRetryATimedOutCellUnlessAsked() throws IOException {
        RunFolder folder = new RunFolder(temp.resolve("run"));
        folder.create();
        scheduler(new HostileMachine(), ForkLog.open(folder)).fixedRounds(1);

        RacingTest.SimulatedMachine quiet = machine();
        scheduler(quiet, ForkLog.open(folder)).fixedRounds(2);
        assertEquals(List.of(cells.get(0).id()), quiet.order, "resumed: only the good cell got its second fork");

        ForkLog retried = ForkLog.open(folder);
        assertEquals(1, retried.dropTimedOut());
        RacingTest.SimulatedMachine again = machine();
        scheduler(again, retried).fixedRounds(2);
        assertTrue(again.order.contains(cells.get(1).id()), "retried: the timed-out cell ran again " + again.order);
        assertFalse(again.order.contains(cells.get(2).id()), "a corrupted cell is not retried: " + again.order);
    }
}
