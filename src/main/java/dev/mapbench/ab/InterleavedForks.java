package dev.mapbench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.bench.StateCheck;
import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import dev.mapbench.results.ForkJson;
import dev.mapbench.results.ForkStatus;
import dev.mapbench.results.Json;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.Environment;
import dev.mapbench.runner.ForkFacts;
import dev.mapbench.runner.ForkWatchdog;
import dev.mapbench.runner.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs an interleaved schedule ({@link AbSchedule#interleave}) of single forks on any number of built
 * trees, each tree's forks written into its own run folder ({@code forks/NNNN-id/fork-RR.json}, JMH's output
 * in {@code jmh-output.txt}), and joins them into the folder's {@code cells/} and {@code jmh-result.json}.
 * The caller holds the JMH lock. The A/B runs it with two trees; a bisection step with three.
 */
public final class InterleavedForks {

    /**
     * One tree of the schedule.
     *
     * @param label how outputs and the schedule file name it ({@code baseline}, {@code midpoint} ...)
     * @param build the built tree its forks run on
     * @param folder the run folder its forks are written to
     * @param properties {@code -D} properties its forks get on top of the cell's own
     */
    public record Arm(String label, SideBuild build, RunFolder folder, List<String> properties) {

        /** Copies the properties. */
        public Arm {
            properties = List.copyOf(properties);
        }
    }

    /** Every fork's time limit: the runner's rule on the A/B's planned fork (JMH's host JVM included). */
    static final ForkWatchdog WATCHDOG = ForkWatchdog.planned();

    /** How one fork ended: its exit code, or that the watchdog ended it, or that its map was corrupted. */
    record ForkEnd(int exit, ForkStatus status, String detail) {

        /** What schedule.csv's {@code exit} column says. */
        String csv() {
            return status.measured() ? Integer.toString(exit) : status.csv();
        }
    }

    private final AbPlan plan;
    private final String prefix;
    private final PrintStream console;
    private final Map<String, String> unmeasured = new LinkedHashMap<>();

    /** Forks of {@code plan}'s cells and timing; progress lines start with {@code prefix} ({@code "ab: "}). */
    public InterleavedForks(AbPlan plan, String prefix, PrintStream console) {
        this.plan = plan;
        this.prefix = prefix;
        this.console = console;
    }

    /**
     * The cells (by id) a fork of which timed out or corrupted its map, with that status: compared in no tree
     * ({@link #assemble} leaves them out).
     */
    public Map<String, String> unmeasuredCells() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(unmeasured));
    }

    /**
     * Runs {@code schedule} and appends its rows to {@code scheduleCsv} (created with its header when new).
     * A (cell, arm) pair whose fork fails runs no more forks in this schedule. Returns one line per failure.
     */
    public List<String> run(List<AbSchedule.ArmSlot> schedule, List<Arm> arms, Path scheduleCsv) throws IOException {
        Set<String> broken = new HashSet<>();
        List<String> failed = new ArrayList<>();
        StringBuilder csv = new StringBuilder(Files.exists(scheduleCsv) ? "" : "index,round,cell,side,seconds,exit\n");
        int lastRound = schedule.stream().mapToInt(AbSchedule.ArmSlot::round).max().orElse(0);
        long start = System.nanoTime();
        int done = 0;
        for (AbSchedule.ArmSlot slot : schedule) {
            Arm arm = arms.get(slot.arm());
            String pair = slot.cell().id() + "/" + arm.label();
            done++;
            if (broken.contains(pair)) {
                csv.append(row(slot, arm, 0, "skipped"));
                continue;
            }
            RunFolder folder = arm.folder();
            Path forkFolder = folder.root().resolve("forks").resolve(forkFolderName(slot.cell()));
            Files.createDirectories(forkFolder);
            Path result = forkFolder.resolve(String.format(Locale.ROOT, "fork-%02d.json", slot.round()));
            Path stateFile = forkFolder.resolve(String.format(Locale.ROOT, "fork-%02d.state-check.json", slot.round()));
            List<String> forkProperties = new ArrayList<>(arm.properties());
            forkProperties.add("-D" + StateCheck.PROPERTY + "=" + stateFile.toAbsolutePath());
            // plug-in strategies (bench.classpath) reach every tree's forks, as the runner's
            List<String> command = ForkCommand.of(ForkCommand.currentJava(),
                    plan.settings().plugins().appendTo(arm.build().classPath()), slot.cell(), plan.timing(),
                    forkProperties, result);
            long forkStart = System.nanoTime();
            ForkEnd end = runFork(command, folder.file("jmh-output.txt"), WATCHDOG.limit(plan.plannedSecondsPerFork()),
                    stateFile);
            double seconds = (System.nanoTime() - forkStart) / 1e9;
            csv.append(row(slot, arm, seconds, end.csv()));
            if (end.exit() != 0 || !Files.exists(result)) {
                broken.add(pair);
                Files.deleteIfExists(result);
                String what = end.status().measured() ? "exit " + end.exit()
                        : end.status().label() + ": " + end.detail() + "; the cell is compared in no tree";
                if (!end.status().measured()) {
                    unmeasured.putIfAbsent(slot.cell().id(), end.status().label());
                }
                failed.add(String.format(Locale.ROOT, "%s round %d: %s (see %s); its later forks skipped", pair,
                        slot.round(), what, scheduleCsv.getParent().relativize(folder.file("jmh-output.txt"))));
                console.println(prefix + "FAILED " + failed.get(failed.size() - 1));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (done % Math.max(1, plan.cells().size()) == 0 || done == schedule.size()) {
                console.printf(Locale.ROOT, "%sround %d/%d, %d/%d forks, %s elapsed, about %s left%n", prefix,
                        slot.round(), lastRound, done, schedule.size(), Numbers.duration(elapsed),
                        Numbers.duration(elapsed / done * (schedule.size() - done)));
            }
        }
        Files.writeString(scheduleCsv, csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return failed;
    }

    private String forkFolderName(Cell cell) {
        int position = plan.positions().get(plan.cells().indexOf(cell));
        return String.format(Locale.ROOT, "%04d-%s", position, cell.id());
    }

    private static String row(AbSchedule.ArmSlot slot, Arm arm, double seconds, String exit) {
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%.2f,%s%n", slot.index(), slot.round(), slot.cell().id(),
                arm.label(), seconds, exit);
    }

    /**
     * Runs one fork, its output appended to the tree's JMH log. Past {@code limit} the fork's whole process tree is
     * ended (JMH's host JVM and the benchmark JVM it forked): it timed out. A fork that failed after its tear-down
     * wrote a corrupted state check to {@code stateFile} corrupted its map.
     */
    static ForkEnd runFork(List<String> command, Path log, Duration limit, Path stateFile) throws IOException {
        Files.writeString(log, "# " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                int ended = ForkWatchdog.endTree(process.toHandle());
                process.waitFor(30, TimeUnit.SECONDS);
                return new ForkEnd(-1, ForkStatus.TIMED_OUT, "ran past its limit of " + ForkWatchdog.seconds(limit)
                        + "; its process tree (" + ended + " processes) was ended");
            }
            int exit = process.exitValue();
            if (exit != 0 && stateFile != null && Files.isRegularFile(stateFile)) {
                JsonNode check = Json.readTree(stateFile);
                if (check.path("corrupted").asBoolean(false)) {
                    return new ForkEnd(exit, ForkStatus.CORRUPTED, check.path("evidence").asText(""));
                }
            }
            return new ForkEnd(exit, ForkStatus.MEASURED, "");
        } catch (InterruptedException e) {
            ForkWatchdog.endTree(process.toHandle());
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a fork ran", e);
        }
    }

    /** Joins each cell's fork files into {@code cells/NNNN-id.json} (JMH's own arithmetic), then jmh-result.json. */
    public void assemble(RunFolder folder) throws IOException {
        for (int i = 0; i < plan.cells().size(); i++) {
            Cell cell = plan.cells().get(i);
            if (unmeasured.containsKey(cell.id())) {
                continue; // a cell whose fork timed out or corrupted its map is compared in no tree
            }
            Path forks = folder.root().resolve("forks").resolve(forkFolderName(cell));
            if (!Files.isDirectory(forks)) {
                continue;
            }
            List<Path> files;
            try (var listing = Files.list(forks)) {
                files = listing.filter(p -> p.getFileName().toString().matches("fork-\\d+\\.json")).sorted().toList();
            }
            if (!files.isEmpty()) {
                List<String> texts = new ArrayList<>();
                for (Path file : files) {
                    texts.add(Files.readString(file, StandardCharsets.UTF_8));
                }
                AtomicFile.write(folder.cells().resolve(cell.fileName(plan.positions().get(i),
                        Runtime.getRuntime().availableProcessors())), ForkJson.join(texts));
            }
        }
        folder.assembleResult();
    }

    /**
     * Writes the tree's {@code env.json}: the machine, the fork timing, and under {@code ab} the tree's label
     * (as {@code side}), ref, commit, its own properties and the seed.
     */
    public void writeEnv(Arm arm, String runId, String ref, long seed, Instant startedAt, Instant finishedAt)
            throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        EnvJson.Run run = new EnvJson.Run(runId, Environment.git(arm.build().workTree()), startedAt, finishedAt, false,
                slowdownOf(arm.properties()));
        EnvJson env = EnvJson.of(run, Environment.machine(cores, Environment.cpuModel(Path.of("/proc/cpuinfo")),
                        ForkFacts.jvmArgs()),
                Environment.plan(plan.settings(), "ab", plan.forks(), plan.timing(), plan.cells().size(), null))
                .withAb(new EnvJson.AbSide(arm.label(), ref, arm.build().commit(), arm.properties(), seed));
        EnvJsonFile.write(arm.folder().file(EnvJsonFile.FILE), env);
    }

    /** The slowdown a tree's forks run with: its own {@code -Dmapbench.slowdown}, else the inherited variable. */
    static String slowdownOf(List<String> properties) {
        String prefix = "-D" + DeliberatelySlowedMap.PROPERTY + "=";
        for (String property : properties) {
            if (property.startsWith(prefix)) {
                return property.substring(prefix.length());
            }
        }
        String inherited = System.getenv(DeliberatelySlowedMap.ENVIRONMENT_VARIABLE);
        return inherited == null || inherited.isBlank() ? null : inherited;
    }
}
