package dev.mapbench.runner;

import dev.mapbench.results.ForkRow;
import dev.mapbench.stats.SteadyState;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs a run's forks one at a time in the order {@link Race} plans, within the {@link Budget}, filing each in
 * the {@link ForkLog} the moment it finishes.
 *
 * <p>Racing: round 1 gives every cell one fork; then {@link #raceRounds()} runs round after round until no
 * raced workload is open, the budget cannot fit another fork, or every open cell has the maximum forks. Fixed
 * design: {@link #fixedRounds(int)} runs round r = the r-th fork of every cell, each round shuffled. Either
 * way a fork starts only when its expected wall time (the cell's mean so far, else the run's, else the plan)
 * fits in what is left of the budget.
 */
final class ForkScheduler {

    /** Why the forks stopped. */
    enum Stop {
        DECIDED("every raced workload is decided"),
        BUDGET("the budget ran out"),
        MAX_FORKS("every open cell has the maximum number of forks"),
        FIXED("the fixed design's forks are done");

        private final String text;

        Stop(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /** What a race ended with. */
    record Outcome(Stop stop, int rounds, int forks, int decided, int raced, List<String> open, int unsteadyForks,
            int unsteadyCells) {
    }

    /** Called after a cell's first fork (flame graphs); returns the number of failures. */
    interface FirstForkHook {
        int after(Cell cell, String cellFileName);
    }

    /** The longest warm-up a cell's forks get after unsteady forks: four times the plan. */
    static final int MAX_WARMUP_FACTOR = 4;

    private final Race race;
    private final RaceSettings settings;
    private final ForkLog log;
    private final Budget budget;
    private final ForkExecutor executor;
    private final PrintStream console;
    private final int cores;
    private final double plannedSecondsPerFork;
    private final LongSupplier nanoTime;
    private final Supplier<Instant> clock;
    private final FirstForkHook firstForkHook;
    private final Random random;
    private final PlantedSlowFork plantedSlowFork = PlantedSlowFork.fromEnvironment();
    private final Set<String> failed = new HashSet<>();
    private int failures;
    private Stop stop;
    private String lastCell;

    ForkScheduler(Race race, RaceSettings settings, ForkLog log, Budget budget, ForkExecutor executor,
            PrintStream console, int cores, double plannedSecondsPerFork, LongSupplier nanoTime, Supplier<Instant> clock,
            FirstForkHook firstForkHook) {
        this.race = race;
        this.settings = settings;
        this.log = log;
        this.budget = budget;
        this.executor = executor;
        this.console = console;
        this.cores = cores;
        this.plannedSecondsPerFork = plannedSecondsPerFork;
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.firstForkHook = firstForkHook;
        // a resumed run continues the same sequence of shuffles only approximately; the seed is recorded
        this.random = new Random(settings.seed() + log.nextOrder());
        // a cell whose fork timed out or corrupted its map gets no more forks, in this run or a resumed one
        log.unmeasured().forEach(row -> failed.add(row.cellId()));
    }

    /** The cells whose fork ended without numbers that stand, each with its status: the run's last lines name them. */
    java.util.Map<String, dev.mapbench.results.ForkStatus> unmeasuredCells() {
        java.util.Map<String, dev.mapbench.results.ForkStatus> cells = new java.util.LinkedHashMap<>();
        log.unmeasured().forEach(row -> cells.putIfAbsent(row.cellId(), row.status()));
        return cells;
    }

    /** Round 1: one fork of every cell that has none. Returns false when the budget cut it short. */
    boolean firstRound() throws IOException {
        List<Race.PlannedFork> planned = race.everyCell(1, 1, log.scoresByCell(), failed, random,
                "round 1: first fork of every cell");
        console.printf(Locale.ROOT, "round 1: one fork of each of %d cells, in randomized order%n", planned.size());
        return runAll(1, planned);
    }

    /** Racing rounds after round 1, until a {@link Stop}; returns how the race ended. */
    Outcome raceRounds() throws IOException {
        int round = Math.max(2, log.lastRound() + 1);
        while (stop == null) {
            List<Race.PlannedFork> planned = race.nextRound(round, log.scoresByCell(), failed, random,
                    affordableForks());
            List<Race.WorkloadState> states = race.workloads(log.scoresByCell());
            long open = states.stream().filter(Race.WorkloadState::open).count();
            if (open == 0) {
                stop = Stop.DECIDED;
                break;
            }
            if (planned.isEmpty()) {
                stop = Stop.MAX_FORKS;
                break;
            }
            console.printf(Locale.ROOT, "round %d: %d of %d raced workloads open, %d forks planned (most informative "
                    + "first), %s left%n", round, open, states.size(), planned.size(), Progress.clock(budgetLeft()));
            if (!runAll(round, planned)) {
                stop = Stop.BUDGET;
            }
            round++;
        }
        return outcome();
    }

    /** The fixed design: rounds 1..forks, each the next fork of every cell, shuffled. */
    Outcome fixedRounds(int forks) throws IOException {
        for (int round = Math.max(1, log.lastRound()); round <= forks && stop == null; round++) {
            List<Race.PlannedFork> planned = race.everyCell(round, round, log.scoresByCell(), failed, random,
                    "fixed design: fork " + round + " of " + forks + " of every cell");
            if (planned.isEmpty()) {
                continue;
            }
            console.printf(Locale.ROOT, "round %d of %d: %d forks in randomized order%n", round, forks, planned.size());
            if (!runAll(round, planned)) {
                stop = Stop.BUDGET;
            }
        }
        if (stop == null) {
            stop = Stop.FIXED;
        }
        return outcome();
    }

    /** The slow fork this run plants ({@code MAPBENCH_SLOW_FORK}), or null. */
    PlantedSlowFork plantedSlowFork() {
        return plantedSlowFork;
    }

    /** Forks that failed (JMH errors), and cells that got none because of it. */
    int failures() {
        return failures;
    }

    /** The race's state now. */
    Outcome outcome() {
        List<Race.WorkloadState> states = race.workloads(log.scoresByCell());
        List<String> open = states.stream().filter(Race.WorkloadState::open).map(Race.WorkloadState::workload).toList();
        List<ForkRow> unsteady = log.records().stream().filter(ForkRow::unsteady).toList();
        return new Outcome(stop == null ? Stop.BUDGET : stop, log.lastRound(), log.records().size(),
                states.size() - open.size(), states.size(), open, unsteady.size(),
                (int) unsteady.stream().map(ForkRow::cellId).distinct().count());
    }

    /** Runs the planned forks in order while the budget fits each; false when it stopped for the budget. */
    private boolean runAll(int round, List<Race.PlannedFork> planned) throws IOException {
        planned = new java.util.ArrayList<>(planned);
        if (planned.size() > 1 && planned.get(0).cell().id().equals(lastCell)) {
            java.util.Collections.swap(planned, 0, 1); // never two forks of one cell back to back across rounds
        }
        for (int i = 0; i < planned.size(); i++) {
            Race.PlannedFork next = planned.get(i);
            double expected = expectedSeconds(next.cell());
            if (!budget.allows(expected)) {
                console.printf(Locale.ROOT, "budget: %s left, the next fork needs ~%.1f s: stopping (%d of %d forks of "
                        + "round %d not run)%n", Progress.clock(budgetLeft()), expected, planned.size() - i, planned.size(),
                        round);
                return false;
            }
            runOne(round, next, i + 1, planned.size());
        }
        return true;
    }

    private void runOne(int round, Race.PlannedFork next, int ordinal, int ofRound) throws IOException {
        Cell cell = next.cell();
        int fork = log.forksOf(cell.id()) + 1;
        long open = settings.racing() && round > 1 ? race.workloads(log.scoresByCell()).stream()
                .filter(Race.WorkloadState::open).count() : -1;
        console.println(Progress.forkLine(round, ordinal, ofRound, budget.elapsedSeconds(), budgetLeft(), open, cell,
                fork, cores));
        lastCell = cell.id();
        Instant startedAt = clock.get();
        long start = nanoTime.getAsLong();
        try {
            List<String> planted = plantedSlowFork == null ? List.of() : plantedSlowFork.jvmArgs(cell, fork);
            if (!planted.isEmpty()) {
                console.println("    planted: " + plantedSlowFork.describe());
            }
            ForkExecutor.Fork result = executor.run(cell, warmupFactor(cell), planted);
            double seconds = (nanoTime.getAsLong() - start) / 1e9;
            String fileName = cell.fileName(next.position(), cores);
            SteadyState steady = SteadyState.of(result.iterations());
            double value = result.iterations().length == 0 ? result.score() : steady.value();
            log.add(fileName, result.json(), new ForkRow(log.nextOrder(), cell.id(), fork, round, next.reason(),
                    startedAt, seconds, result.score(), result.unit(), value, steady.steadyFrom(),
                    result.warmupIterations()));
            double checkMillis = executor.lastStateCheckMillis();
            console.printf(Locale.ROOT, "    %s (%.1f s%s)%s%n", result.summary(), seconds, Double.isNaN(checkMillis) ? ""
                    : String.format(Locale.ROOT, "; state check %.1f ms, untimed", checkMillis), steady.unsteady()
                    ? "; " + steady.describe() + ": the cell's later forks warm up longer" : "");
            if (fork == 1) {
                failures += firstForkHook.after(cell, fileName);
            }
        } catch (UnmeasuredFork e) {
            double seconds = (nanoTime.getAsLong() - start) / 1e9;
            failures++;
            failed.add(cell.id());
            log.addUnmeasured(cell.fileName(next.position(), cores), ForkRow.unmeasured(log.nextOrder(), cell.id(), fork,
                    round, next.reason(), startedAt, seconds, -1, e.status(), e.detail()));
            console.printf(Locale.ROOT, "    %s (%.1f s): %s (no more forks of this cell; it is never ranked)%n",
                    e.status().label().toUpperCase(Locale.ROOT), seconds, e.detail());
        } catch (RunnerException e) {
            failures++;
            failed.add(cell.id());
            console.println("    FAILED: " + e.getMessage() + " (no more forks of this cell; JMH output in the run's "
                    + RunFolder.JMH_LOG + ")");
        }
    }

    /**
     * The warm-up factor of a cell's next fork: doubled for each of its forks that still trended after its
     * warm-up, at most {@value #MAX_WARMUP_FACTOR}×.
     */
    private int warmupFactor(Cell cell) {
        return Math.min(MAX_WARMUP_FACTOR, 1 << Math.min(4, log.unsteadyForksOf(cell.id())));
    }

    /** How many more forks the budget can pay for at the run's mean fork time (infinite without a budget). */
    private double affordableForks() {
        double left = budget.secondsLeft();
        if (Double.isInfinite(left)) {
            return Double.POSITIVE_INFINITY;
        }
        double perFork = Double.isFinite(log.meanSeconds()) ? log.meanSeconds() : plannedSecondsPerFork;
        return Math.max(0, left / perFork);
    }

    private double expectedSeconds(Cell cell) {
        double own = log.meanSecondsOf(cell.id());
        if (Double.isFinite(own)) {
            return own;
        }
        double all = log.meanSeconds();
        return Double.isFinite(all) ? all : plannedSecondsPerFork;
    }

    private long budgetLeft() {
        double left = budget.secondsLeft();
        return Double.isInfinite(left) ? -1 : Math.max(0, Math.round(left));
    }
}
