package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.results.ForkRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Racing on a simulated machine: fake forks with known speeds and noise, a fake clock each fork advances. */
class RacingTest {

    @TempDir
    Path temp;

    /** A machine whose forks take {@code secondsPerFork} and measure speed × lognormal noise. */
    static final class SimulatedMachine implements ForkExecutor {
        final java.util.function.Function<Cell, Double> speeds;
        final double noise;
        final double secondsPerFork;
        final Random random = new Random(7);
        long nanos;
        final List<String> order = new ArrayList<>();
        /** The warm-up factor each fork was asked for, in order. */
        final List<Integer> warmupFactors = new ArrayList<>();
        /** Leading measured iterations of each fork, as a fraction of its score (empty: steady throughout). */
        java.util.function.Function<Cell, double[]> leadingIterations = cell -> new double[0];

        SimulatedMachine(Map<MapStrategy, Double> speeds, double noise, double secondsPerFork) {
            this(cell -> speeds.get(cell.strategy()), noise, secondsPerFork);
        }

        SimulatedMachine(java.util.function.Function<Cell, Double> speeds, double noise, double secondsPerFork) {
            this.speeds = speeds;
            this.noise = noise;
            this.secondsPerFork = secondsPerFork;
        }

        @Override
        public Fork run(Cell cell, int warmupFactor, List<String> jvmArgs) {
            nanos += (long) (secondsPerFork * 1e9);
            order.add(cell.id());
            warmupFactors.add(warmupFactor);
            double score = speeds.apply(cell) * Math.exp(noise * random.nextGaussian());
            double[] leading = warmupFactor > 1 ? new double[0] : leadingIterations.apply(cell);
            double[] iterations = new double[leading.length + 4];
            for (int i = 0; i < iterations.length; i++) {
                iterations[i] = i < leading.length ? score * leading[i] : score * (1 + 0.002 * (i % 2));
            }
            String json = String.format(Locale.ROOT, "[{\"benchmark\":\"%s\",\"mode\":\"thrpt\",\"threads\":%d,"
                    + "\"forks\":1,\"params\":{},\"primaryMetric\":{\"score\":%s,\"scoreError\":\"NaN\","
                    + "\"scoreConfidence\":[%s,%s],\"scorePercentiles\":{\"50.0\":%s},\"scoreUnit\":\"ops/us\","
                    + "\"rawData\":[[%s,%s]]},\"secondaryMetrics\":{}}]", cell.benchmark(), cell.threads(), score, score,
                    score, score, score, score);
            return new Fork(json, score, "ops/us", "simulated", iterations, 3 * warmupFactor);
        }

        Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }
    }

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ForkScheduler scheduler(List<Cell> cells, SimulatedMachine machine, Duration budget, ForkLog log) {
        RaceSettings settings = new RaceSettings(true, budget, Instant.EPOCH, VerdictSettings.defaults(), 24, 1);
        List<Integer> positions = IntStream.range(0, cells.size()).boxed().toList();
        Budget clock = new Budget(Instant.EPOCH, budget, 0, machine::now);
        return new ForkScheduler(new Race(cells, positions, 2, settings.verdicts(), settings.maxForks()), settings, log,
                clock, machine, new PrintStream(console, true, StandardCharsets.UTF_8), 2, machine.secondsPerFork,
                () -> machine.nanos, machine::now, (cell, name) -> 0);
    }

    private static List<Cell> workload(int readPercent, int threads, MapStrategy... strategies) {
        List<Cell> cells = new ArrayList<>();
        for (MapStrategy strategy : strategies) {
            cells.add(new Cell(strategy, readPercent, 100, KeyDistribution.UNIFORM, threads));
        }
        return cells;
    }

    private ForkLog log() throws IOException {
        RunFolder folder = new RunFolder(temp.resolve("run"));
        folder.create();
        return ForkLog.open(folder);
    }

    @Test
    void racingStopsForkingAStrategyHundredTimesBehindAfterItsFirstFork() throws IOException {
        List<Cell> cells = workload(0, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.SYNCHRONIZED_MAP,
                MapStrategy.COPY_ON_WRITE);
        SimulatedMachine machine = new SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 45.0,
                MapStrategy.SYNCHRONIZED_MAP, 42.0, MapStrategy.COPY_ON_WRITE, 0.4), 0.05, 1.0);
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, machine, Duration.ofMinutes(2), log);
        scheduler.firstRound();
        ForkScheduler.Outcome outcome = scheduler.raceRounds();

        assertEquals(1, log.forksOf(cells.get(2).id()), "copy-on-write, 100x behind, got only its first fork");
        assertTrue(log.forksOf(cells.get(0).id()) > 2 && log.forksOf(cells.get(1).id()) > 2,
                "the close race got the forks: " + log.scoresByCell());
        assertEquals(1, outcome.raced());
        assertTrue(outcome.stop() == ForkScheduler.Stop.DECIDED || outcome.stop() == ForkScheduler.Stop.BUDGET,
                outcome.toString());
    }

    @Test
    void theBudgetIsRespected() throws IOException {
        List<Cell> cells = new ArrayList<>(workload(100, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.COPY_ON_WRITE,
                MapStrategy.STAMPED_LOCK));
        cells.addAll(workload(95, 2, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.COPY_ON_WRITE, MapStrategy.STAMPED_LOCK));
        // Three strategies within a few per cent: no number of forks inside the budget can decide them.
        SimulatedMachine machine = new SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 330.0,
                MapStrategy.COPY_ON_WRITE, 320.0, MapStrategy.STAMPED_LOCK, 310.0), 0.15, 1.5);
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, machine, Duration.ofSeconds(40), log);
        scheduler.firstRound();
        ForkScheduler.Outcome outcome = scheduler.raceRounds();

        assertEquals(ForkScheduler.Stop.BUDGET, outcome.stop());
        assertTrue(machine.nanos / 1e9 <= 40.0, "spent " + machine.nanos / 1e9 + " s of a 40 s budget");
        assertTrue(machine.nanos / 1e9 > 40.0 - 2 * 1.5, "stopped only when the next fork no longer fit: "
                + machine.nanos / 1e9 + " s");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("stopping"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aShortBudgetGoesToTheWorkloadItCanDecideNotToATieTooCloseToCall() throws IOException {
        List<Cell> cells = new ArrayList<>(workload(100, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.COPY_ON_WRITE));
        cells.addAll(workload(50, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK));
        // r100: 4 % apart with bimodal-sized noise (hopeless); r50: 40 % apart (a few forks decide it)
        SimulatedMachine machine = new SimulatedMachine(cell -> cell.readPercent() == 100
                ? (cell.strategy() == MapStrategy.CONCURRENT_HASHMAP ? 330.0 : 317.0)
                : (cell.strategy() == MapStrategy.CONCURRENT_HASHMAP ? 60.0 : 36.0), 0.06, 1.0);
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, machine, Duration.ofSeconds(14), log);
        scheduler.firstRound();
        scheduler.raceRounds();

        assertEquals(3, log.forksOf(cells.get(2).id()), "the decidable workload got the forks that decide it");
        assertEquals(3, log.forksOf(cells.get(3).id()));
        List<String> afterRoundOne = machine.order.subList(cells.size(), machine.order.size());
        int lastOfDecidable = Math.max(afterRoundOne.lastIndexOf(cells.get(2).id()),
                afterRoundOne.lastIndexOf(cells.get(3).id()));
        int firstOfTie = Math.min(index(afterRoundOne, cells.get(0).id()), index(afterRoundOne, cells.get(1).id()));
        assertTrue(firstOfTie > lastOfDecidable, "the tie too close to call waited until the decidable one was "
                + "decided: " + machine.order);
    }

    @Test
    void eachWorkloadIsJudgedWithTheSpreadOfItsThreadCount() {
        // Forks of 1-thread cells 2 % apart, of 2-thread cells 60 % apart: the race measures them apart.
        List<Cell> cells = new ArrayList<>();
        Map<String, List<Double>> scores = new java.util.HashMap<>();
        for (int read : new int[] {100, 95, 75, 50, 0}) {
            for (MapStrategy strategy : List.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK)) {
                for (int threads : new int[] {1, 2}) {
                    Cell cell = new Cell(strategy, read, 100, KeyDistribution.UNIFORM, threads);
                    cells.add(cell);
                    double centre = 40 + read;
                    scores.put(cell.id(), threads == 1 ? List.of(centre, centre * 1.02, centre * 0.99)
                            : List.of(centre, centre * 1.6, centre * 0.8));
                }
            }
        }
        Race race = new Race(cells, IntStream.range(0, cells.size()).boxed().toList(), 2, VerdictSettings.defaults(), 24);
        dev.mapbench.stats.SpreadByThreads spread = race.spread(scores);
        assertTrue(spread.at(1).logSd() < 0.03, spread.describe());
        assertTrue(spread.at(2).logSd() > 0.3, spread.describe());
    }

    private static int index(List<String> order, String cell) {
        int index = order.indexOf(cell);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    @Test
    void forksOfCompetingCellsInterleaveAndOversubscribedCellsAreNeverRaced() throws IOException {
        List<Cell> cells = new ArrayList<>(workload(50, 2, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK));
        cells.addAll(workload(50, 4, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK));
        SimulatedMachine machine = new SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 50.0,
                MapStrategy.STAMPED_LOCK, 47.0), 0.10, 1.0);
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, machine, Duration.ofSeconds(30), log);
        scheduler.firstRound();
        scheduler.raceRounds();

        for (int i = 1; i < machine.order.size(); i++) {
            assertTrue(!machine.order.get(i).equals(machine.order.get(i - 1)), "two forks of one cell back to back: "
                    + machine.order);
        }
        assertEquals(1, log.forksOf(cells.get(2).id()), "4 threads on 2 cores: one fork, for the charts");
        assertEquals(1, log.forksOf(cells.get(3).id()));
        assertTrue(log.forksOf(cells.get(0).id()) > 3, log.scoresByCell().toString());
    }

    @Test
    void aForkPlantedInASlowModeDoesNotDecide() throws IOException {
        List<Cell> cells = workload(95, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK,
                MapStrategy.SYNCHRONIZED_MAP);
        SimulatedMachine machine = new SimulatedMachine(cell -> cell.strategy() == MapStrategy.CONCURRENT_HASHMAP ? 60.0
                : cell.strategy() == MapStrategy.STAMPED_LOCK ? 40.0 : 20.0, 0.03, 1.0);
        // the first fork of ConcurrentHashMap, the best, runs 9x slower
        java.util.function.Function<Cell, Double> normal = machine.speeds;
        SimulatedMachine planted = new SimulatedMachine(cell -> normal.apply(cell)
                / (cell.strategy() == MapStrategy.CONCURRENT_HASHMAP && forksSoFar(cell) == 0 ? 9 : 1), 0.03, 1.0);
        plantedOrder = planted.order;
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, planted, Duration.ofSeconds(60), log);
        scheduler.firstRound();
        ForkScheduler.Outcome outcome = scheduler.raceRounds();

        assertEquals(ForkScheduler.Stop.DECIDED, outcome.stop(), console.toString(StandardCharsets.UTF_8));
        Race race = new Race(cells, IntStream.range(0, cells.size()).boxed().toList(), 2, VerdictSettings.defaults(), 24);
        dev.mapbench.stats.Ranking ranking = race.workloads(log.scoresByCell()).get(0).ranking();
        assertEquals("CONCURRENT_HASHMAP", ranking.best().strategy(), log.scoresByCell().toString());
        assertTrue(ranking.best().modes() != null && ranking.best().modes().startsWith("1 of ")
                && ranking.best().modes().contains("× slower (a rare mode"), ranking.best().modes());
        assertTrue(log.forksOf(cells.get(0).id()) >= dev.mapbench.stats.ForkModes.FORKS_TO_CALL_RARE);
    }

    private List<String> plantedOrder = List.of();

    private int forksSoFar(Cell cell) {
        return (int) plantedOrder.stream().filter(cell.id()::equals).count() - 1;
    }

    @Test
    void aForkThatStillTrendedGivesItsCellALongerWarmup() throws IOException {
        List<Cell> cells = workload(50, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.STAMPED_LOCK);
        SimulatedMachine machine = new SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 50.0,
                MapStrategy.STAMPED_LOCK, 40.0), 0.02, 1.0);
        machine.leadingIterations = cell -> cell.strategy() == MapStrategy.CONCURRENT_HASHMAP ? new double[] {0.2, 0.6}
                : new double[0];
        ForkLog log = log();
        ForkScheduler scheduler = scheduler(cells, machine, Duration.ofSeconds(12), log);
        scheduler.firstRound();
        scheduler.raceRounds();

        List<ForkRow> chm = log.records().stream().filter(r -> r.cellId().equals(cells.get(0).id())).toList();
        assertTrue(chm.size() >= 2, log.records().toString());
        assertEquals(2, chm.get(0).steadyFrom(), "the first fork's two leading iterations still trended");
        assertTrue(chm.get(0).value() > chm.get(0).score(), "its value leaves them out");
        assertEquals(6, chm.get(1).warmupIterations(), "its next fork warmed up twice as long");
        assertEquals(0, chm.get(1).steadyFrom());
        assertTrue(log.records().stream().filter(r -> r.cellId().equals(cells.get(1).id()))
                .allMatch(r -> r.warmupIterations() == 3), "the steady cell kept the planned warm-up");
    }

    @Test
    void aResumedRaceKeepsItsRoundsAndProvenance() throws IOException {
        List<Cell> cells = workload(75, 1, MapStrategy.CONCURRENT_HASHMAP, MapStrategy.SYNCHRONIZED_MAP);
        SimulatedMachine machine = new SimulatedMachine(Map.of(MapStrategy.CONCURRENT_HASHMAP, 50.0,
                MapStrategy.SYNCHRONIZED_MAP, 45.0), 0.12, 1.0);
        ForkScheduler first = scheduler(cells, machine, Duration.ofSeconds(8), log());
        first.firstRound();
        first.raceRounds();
        ForkLog reopened = log();
        int forksBefore = reopened.records().size();
        int roundsBefore = reopened.lastRound();
        assertTrue(roundsBefore >= 2, "the first part raced: " + reopened.records() + console);

        machine.nanos = 0; // a resumed run gets its budget anew
        ForkScheduler resumed = scheduler(cells, machine, Duration.ofSeconds(8), reopened);
        resumed.firstRound();
        resumed.raceRounds();
        List<ForkRow> records = log().records();
        assertTrue(records.size() > forksBefore);
        assertEquals(forksBefore, records.stream().filter(r -> r.round() <= roundsBefore).count(),
                "rounds done before the resume are kept, new forks get later rounds");
        assertTrue(records.stream().allMatch(r -> !r.reason().isBlank()), "every fork says why it ran");
        assertEquals(IntStream.rangeClosed(1, records.size()).boxed().toList(),
                records.stream().map(ForkRow::order).toList());
    }
}
