package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmark matrix cell by cell and writes the run folder.
 *
 * <p>Settings come from {@code bench.*} system properties (see {@link BenchSettings}). Each cell is one
 * JMH run with one thread count; its JMH JSON is written to {@code cells/} the moment it finishes, so a
 * killed run keeps every finished cell and {@code -Dbench.resume=<folder>} continues it. The last line
 * printed is {@code results: <folder>}. Exit 0 when every cell succeeded, 1 when a cell failed, 2 on bad
 * input. {@code -Dbench.merge=<folder>,<folder>...} merges shard folders instead (see {@link ShardMerge}).
 */
public final class BenchRunner {

    /** Written at the start of every run: the run folder, for the Maven verify step (report). */
    public static final Path LAST_RUN_FILE = Path.of("target", "bench-last-run.txt");

    private final BenchSettings settings;
    private final RunFolder folder;
    private final int cores;
    private final PrintStream console;
    private final RaceSettings race;
    private final ForkWatchdog watchdog = ForkWatchdog.from(System.getProperties());
    private DeepMeasurements deep;
    private PluginGate plugins;

    BenchRunner(BenchSettings settings, RaceSettings race, RunFolder folder, int cores, PrintStream console) {
        this.settings = settings;
        this.race = race;
        this.folder = folder;
        this.cores = cores;
        this.console = console;
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        int exit;
        try {
            BenchSettings settings = BenchSettings.from(System.getProperties(), cores);
            PlantedSlowFork.fromEnvironment(); // a malformed MAPBENCH_SLOW_FORK fails before anything is written
            if (!settings.merge().isEmpty()) {
                Path merged = ShardMerge.merge(settings, System.out);
                rememberLastRun(merged);
                System.out.println("results: " + merged);
                exit = 0;
            } else {
                settings = ResumedRun.settingsFor(settings, System.getProperties(), cores);
                Path root = settings.resume() != null ? settings.resume() : settings.resultsRoot().resolve(settings.runId());
                RaceSettings race = RaceSettings.from(ResumedRun.raceProperties(settings, System.getProperties()),
                        settings.effort(), settings.runId(), Instant.now());
                exit = new BenchRunner(settings, race, new RunFolder(root), cores, System.out).runHoldingJmhLock();
                System.out.println("results: " + root);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    /**
     * JMH refuses to run while another JMH instance holds {@code /tmp/jmh.lock}. The runner takes that lock
     * once for the whole matrix (waiting for it if another run measures), so no other JMH run on this
     * machine measures between two of our cells, and tells JMH's per-cell runs that the lock is ours.
     */
    int runHoldingJmhLock() throws IOException {
        if (settings.ignoreJmhLock()) {
            console.println("WARNING: bench.ignoreLock=true: measuring even if another JMH run is going; "
                    + "numbers are for pipeline checks only (env.json: jmhLockIgnored)");
            JmhLock.tellJmhItIsOurs();
            return run();
        }
        try (JmhLock lock = JmhLock.acquire("", console)) {
            JmhLock.tellJmhItIsOurs();
            return run();
        }
    }

    /**
     * Runs this shard's cells, fork by fork, and the extra cells; returns the exit code. Racing (the default
     * effort): one fork of every cell, then the extra cells, then rounds of forks where verdicts are open, all
     * within the budget. Fixed design (smoke, full): every cell's forks in randomized rounds, then the extras.
     */
    int run() throws IOException {
        plugins = PluginGate.admit(settings, console); // plug-ins on the forks' path, and Lincheck-checked, before any cell
        List<Cell> matrix = settings.matrix();
        List<Integer> positions = Matrix.positionsOf(matrix, settings.shard());
        deep = DeepMeasurements.plan(settings, System.getProperties(), cores, matrix.size(), folder, console);
        int planned = positions.size() + deep.cellsInShard();
        folder.create();
        settings.workloads().writeCopies(folder.root());
        rememberLastRun(folder.root());
        ForkLog log = ForkLog.open(folder);
        if (BenchProperty.RETRY_TIMED_OUT.get(System.getProperties(), settings.effort()) && settings.resume() != null) {
            int dropped = log.dropTimedOut();
            if (dropped > 0) {
                console.printf("resume: %d timed-out fork(s) forgotten (%s): their cells run again%n", dropped,
                        BenchProperty.RETRY_TIMED_OUT);
            }
        }
        Map<String, Path> done = folder.finishedCells();
        // A cell file without forks/ comes from a runner before single forks: it is finished as it is.
        List<Integer> raced = positions.stream()
                .filter(p -> !done.containsKey(matrix.get(p).id()) || log.forksOf(matrix.get(p).id()) > 0).toList();
        List<Cell> cells = raced.stream().map(matrix::get).toList();
        Instant startedAt = ResumedRun.startedAt(folder).orElse(Instant.now());
        Budget budget = new Budget(race.startedAt(), race.budget(), Budget.reserveFor(planned), Instant::now);
        ForkScheduler.Outcome outcome = null;
        writeEnv(planned, startedAt, null, null);
        console.printf("run %s: effort %s, threads %s, shard %s, %d cells (%d forks already done), %d cores%s%n",
                settings.runId(), settings.effort().label(), settings.threads(), settings.shard(), planned,
                log.records().size(), cores, settings.threads().stream().anyMatch(t -> t > cores)
                        ? "; cells with more threads than cores are marked OVERSUBSCRIBED" : "");
        console.printf(Locale.ROOT, "design: %s; budget %s for the whole command (started %s), %s kept for the report; "
                + "equivalence margin ±%s %%%n", race.racing() ? "racing (one fork of every cell, then forks where a "
                + "verdict is open)" : "fixed, " + settings.forks() + " fork(s) of every cell",
                budget.limited() ? Progress.clock(budget.total().toSeconds()) : "none", race.startedAt(),
                Progress.clock(Math.round(budget.reserveSeconds())), trim(race.verdicts().margin() * 100));
        console.println("watchdog: " + watchdog.describe() + (StateCheckFile.checking()
                ? "; a fork's state check runs in its tear-down, untimed"
                : "; the state check is OFF (" + BenchProperty.STATE_CHECK.key() + "=false): no fork checks its map's state"));
        int failures = 0;
        java.util.Map<String, String> unmeasured = new java.util.LinkedHashMap<>();
        try (PrintStream jmhLog = new PrintStream(Files.newOutputStream(folder.file(RunFolder.JMH_LOG),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
            OutputFormat jmhOutput = OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL);
            CellExecutor executor = new CellExecutor(settings::timingOf, jmhOutput, watchdog);
            deep.start(jmhOutput);
            ForkScheduler scheduler = new ForkScheduler(new Race(cells, raced, cores, race.verdicts(), race.maxForks()),
                    race, log, budget, executor, console, cores, settings.matrixTiming().withForks(1).plannedSeconds(),
                    System::nanoTime, Instant::now,
                    (cell, fileName) -> deep.afterCell(executor.options(cell).build(), fileName));
            if (race.racing()) {
                boolean complete = scheduler.firstRound();
                if (complete) {
                    failures += extras(jmhOutput, budget);
                    outcome = scheduler.raceRounds();
                } else {
                    outcome = scheduler.outcome();
                }
            } else {
                outcome = scheduler.fixedRounds(settings.forks());
                failures += extras(jmhOutput, budget);
            }
            failures += scheduler.failures();
            scheduler.unmeasuredCells().forEach((cell, status) -> unmeasured.put(cell, status.label()));
            unmeasured.putAll(deep.unmeasuredCells());
            writeEnv(planned, startedAt, null, outcome);
        }
        int assembled = folder.assembleResult();
        AtomicFile.write(folder.file(RunFolder.ALLOCATION),
                AllocationPerOp.csv(List.copyOf(folder.finishedCells().values()), cores));
        // A race ends normally when its budget is spent; a fixed design cut short by its budget is incomplete.
        boolean complete = failures == 0 && assembled == planned
                && (race.racing() || outcome.stop() != ForkScheduler.Stop.BUDGET);
        writeEnv(planned, startedAt, complete ? Instant.now() : null, outcome);
        console.println(summary(outcome));
        console.printf("%d of %d cells in %s; %d failed%n", assembled, planned, folder.root(), failures);
        unmeasuredLines(unmeasured).forEach(console::println);
        return failures == 0 ? 0 : 1;
    }

    /** The extra cells (latency, iteration, GC sweep) and the footprint, when the budget has room for their plan. */
    private int extras(OutputFormat jmhOutput, Budget budget) throws IOException {
        double plannedSeconds = deep.plannedSecondsLeft() + FootprintStep.PLANNED_SECONDS;
        if (!budget.allows(plannedSeconds)) {
            console.printf(Locale.ROOT, "budget: %s left, the extra cells and footprint plan ~%.0f s: skipped%n",
                    Progress.clock(Math.round(Math.max(0, budget.secondsLeft()))), plannedSeconds);
            return 0;
        }
        int failures = deep.runExtraCells(jmhOutput);
        return failures + FootprintStep.run(settings, folder, console);
    }

    /** The last lines of a run: how the forks ended and which workloads are still open. */
    private String summary(ForkScheduler.Outcome outcome) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "forks: %d in %d round(s); stopped because %s; %d of %d workloads decided (those that do not oversubscribe)", outcome.forks(),
                outcome.rounds(), outcome.stop().text(), outcome.decided(), outcome.raced()));
        text.append(String.format(Locale.ROOT, "; %d fork(s) in %d cell(s) still trended after their warm-up (their "
                + "later forks warmed up longer)", outcome.unsteadyForks(), outcome.unsteadyCells()));
        if (!outcome.open().isEmpty()) {
            text.append(outcome.open().size() > 12
                    ? "; open: " + String.join(", ", outcome.open().subList(0, 12)) + " …"
                    : "; open: " + String.join(", ", outcome.open()));
        }
        return text.toString();
    }

    /** One line per status naming its cells: "timed out (never ranked): A, B". */
    static List<String> unmeasuredLines(Map<String, String> statusByCell) {
        Map<String, List<String>> byStatus = new java.util.TreeMap<>();
        statusByCell.forEach((cell, status) -> byStatus.computeIfAbsent(status, s -> new java.util.ArrayList<>()).add(cell));
        return byStatus.entrySet().stream().map(entry -> entry.getKey() + " (never ranked): "
                + String.join(", ", entry.getValue())).toList();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : Double.toString(value);
    }

    private void writeEnv(int cellsPlanned, Instant startedAt, Instant finishedAt, ForkScheduler.Outcome outcome)
            throws IOException {
        double marginPercent = race.verdicts().margin() * 100;
        EnvJson env = Environment.describe(settings, settings.runId(), cores,
                Environment.cpuModel(Path.of("/proc/cpuinfo")), Environment.git(Path.of(".")),
                ForkSpec.BASE_JVM_ARGS, cellsPlanned, marginPercent, startedAt, finishedAt);
        PlantedSlowFork planted = PlantedSlowFork.fromEnvironment();
        EnvJson.Race raceFields = new EnvJson.Race(race.design(),
                race.budget() == null ? null : race.budget().toSeconds(), race.startedAt(), marginPercent,
                race.maxForks(), race.seed(),
                outcome == null ? null : outcome.stop().name().toLowerCase(Locale.ROOT),
                outcome == null ? null : outcome.stop().text(), outcome == null ? null : outcome.rounds(),
                outcome == null ? null : outcome.forks(), outcome == null ? null : outcome.raced(),
                outcome == null ? null : outcome.decided(), outcome == null ? null : outcome.open(),
                outcome == null ? null : outcome.unsteadyForks(), outcome == null ? null : outcome.unsteadyCells(),
                planted == null ? null : planted.describe());
        EnvJsonFile.write(folder.file(RunFolder.ENV), env.withDeep(deep.envFields()).withRace(raceFields)
                .withLinearizabilityChecks(plugins.envFields()));
    }

    private static void rememberLastRun(Path folder) throws IOException {
        Files.createDirectories(LAST_RUN_FILE.getParent());
        AtomicFile.write(LAST_RUN_FILE, folder + "\n");
    }
}
