package dev.mapbench.ab;

import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import dev.mapbench.results.ForkJson;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.Environment;
import dev.mapbench.bench.StateCheck;
import dev.mapbench.results.ForkStatus;
import dev.mapbench.runner.ForkFacts;
import dev.mapbench.runner.ForkWatchdog;
import dev.mapbench.runner.JmhLock;
import dev.mapbench.runner.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs an A/B: builds both refs, runs the interleaved schedule of single forks while holding the JMH
 * lock, and writes each side as a run folder ({@code baseline/}, {@code candidate/}: {@code env.json},
 * {@code cells/}, {@code jmh-result.json}, every fork's raw JSON under {@code forks/}, JMH's output) plus
 * {@code schedule.csv}. Deciding and rendering is {@link AbCli}'s.
 */
final class AbRunner {

    /** Where the ruler's code lives: when it differs between the refs, the ruler cannot judge the machine. */
    /** Every fork's time limit: the runner's rule on the A/B's planned fork (JMH's host JVM included). */
    static final ForkWatchdog WATCHDOG = ForkWatchdog.planned();

    static final List<String> RULER_SOURCES = List.of("src/jmh/java/dev/mapbench/bench/CalibrationBenchmark.java");

    /** What a finished A/B run left: the two side folders and what the summary needs. */
    record Outcome(Path baselineFolder, Path candidateFolder, boolean rulerComparable, double buildSeconds,
            double measureSeconds, double meanForkSeconds, List<String> failedForks, Map<String, String> unmeasured) {
    }

    /** How one fork ended: its exit code, or that the watchdog ended it, or that its map was corrupted. */
    record ForkEnd(int exit, ForkStatus status, String detail) {

        /** What schedule.csv's {@code exit} column says. */
        String csv() {
            return status.measured() ? Integer.toString(exit) : status.csv();
        }
    }

    private final Path repository;
    private final AbPlan plan;
    private final long seed;
    private final Map<Side, List<String>> sideProperties;
    private final PrintStream console;

    AbRunner(Path repository, AbPlan plan, long seed, Map<Side, List<String>> sideProperties, PrintStream console) {
        this.repository = repository;
        this.plan = plan;
        this.seed = seed;
        this.sideProperties = new EnumMap<>(sideProperties);
        this.console = console;
    }

    /** Builds, measures and writes both sides into {@code out} (which must not exist yet). */
    Outcome run(Map<Side, String> refs, Map<Side, String> commits, Path out) throws IOException, BadInputException {
        Path work = Files.createTempDirectory("mapbench-ab-");
        Map<Side, SideBuild> builds = new EnumMap<>(Side.class);
        try {
            long buildStart = System.nanoTime();
            for (Side side : Side.values()) {
                builds.put(side, SideBuild.build(repository, refs.get(side), commits.get(side), work, side.label(),
                        console));
            }
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            boolean rulerComparable = rulerComparable(commits);
            if (!rulerComparable) {
                console.println("ab: the calibration benchmark differs between the refs: the ruler is reported, not used");
            }
            Files.createDirectories(out);
            Map<Side, RunFolder> folders = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                RunFolder folder = new RunFolder(out.resolve(side.label()));
                folder.create();
                folders.put(side, folder);
            }
            Instant startedAt = Instant.now();
            for (Side side : Side.values()) {
                writeEnv(folders.get(side), side, builds.get(side), refs.get(side), startedAt, null);
            }
            List<String> failed = new ArrayList<>();
            Map<String, String> unmeasured = new java.util.LinkedHashMap<>();
            double measureSeconds;
            try (JmhLock lock = JmhLock.acquire("ab: ", console)) {
                long measureStart = System.nanoTime(); // after any wait for the lock: that is not measuring
                runSchedule(builds, folders, out, failed, unmeasured);
                measureSeconds = (System.nanoTime() - measureStart) / 1e9;
            }
            Instant finishedAt = Instant.now();
            for (Side side : Side.values()) {
                assemble(folders.get(side), unmeasured.keySet());
                writeEnv(folders.get(side), side, builds.get(side), refs.get(side), startedAt, finishedAt);
            }
            return new Outcome(folders.get(Side.BASELINE).root(), folders.get(Side.CANDIDATE).root(), rulerComparable,
                    buildSeconds, measureSeconds, measureSeconds / Math.max(1, plan.slots()), failed, unmeasured);
        } finally {
            for (SideBuild build : builds.values()) {
                build.close();
            }
            Files.deleteIfExists(work.resolve(Side.BASELINE.label()));
            Files.deleteIfExists(work.resolve(Side.CANDIDATE.label()));
            Files.deleteIfExists(work);
        }
    }

    private boolean rulerComparable(Map<Side, String> commits) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "diff", "--quiet", commits.get(Side.BASELINE),
                commits.get(Side.CANDIDATE), "--"));
        command.addAll(RULER_SOURCES);
        return Processes.run(repository, 60, command).exit() == 0;
    }

    /**
     * Runs the schedule; fills {@code failed} with one line per failed fork and {@code unmeasured} with the cells
     * (by id) a fork of which timed out or corrupted its map, with that status: those cells are compared on
     * neither side.
     */
    private void runSchedule(Map<Side, SideBuild> builds, Map<Side, RunFolder> folders, Path out, List<String> failed,
            Map<String, String> unmeasured) throws IOException {
        List<AbSchedule.Slot> schedule = AbSchedule.plan(plan.cells(), plan.forks(), seed);
        Set<String> broken = new HashSet<>();
        StringBuilder csv = new StringBuilder("index,round,cell,side,seconds,exit\n");
        long start = System.nanoTime();
        console.printf(Locale.ROOT, "ab: %d cells x %d forks a side = %d forks, interleaved (seed %d), planned %s%n",
                plan.cells().size(), plan.forks(), schedule.size(), seed, Numbers.duration(plan.plannedSeconds()));
        for (AbSchedule.Slot slot : schedule) {
            String pair = slot.cell().id() + "/" + slot.side().label();
            if (broken.contains(pair)) {
                csv.append(row(slot, 0, "skipped"));
                continue;
            }
            RunFolder folder = folders.get(slot.side());
            Path forkFolder = folder.root().resolve("forks").resolve(forkFolderName(slot));
            Files.createDirectories(forkFolder);
            Path result = forkFolder.resolve(String.format(Locale.ROOT, "fork-%02d.json", slot.round()));
            Path stateFile = forkFolder.resolve(String.format(Locale.ROOT, "fork-%02d.state-check.json", slot.round()));
            List<String> forkProperties = new ArrayList<>(sideProperties.getOrDefault(slot.side(), List.of()));
            forkProperties.add("-D" + StateCheck.PROPERTY + "=" + stateFile.toAbsolutePath());
            List<String> command = ForkCommand.of(ForkCommand.currentJava(), builds.get(slot.side()).classPath(),
                    slot.cell(), plan.timing(), forkProperties, result);
            long forkStart = System.nanoTime();
            ForkEnd end = runFork(command, folder.file("jmh-output.txt"), WATCHDOG.limit(plan.plannedSecondsPerFork()),
                    stateFile);
            double seconds = (System.nanoTime() - forkStart) / 1e9;
            csv.append(row(slot, seconds, end.csv()));
            if (end.exit() != 0 || !Files.exists(result)) {
                broken.add(pair);
                Files.deleteIfExists(result);
                String what = end.status().measured() ? "exit " + end.exit()
                        : end.status().label() + ": " + end.detail() + ", the cell is compared on neither side";
                if (!end.status().measured()) {
                    unmeasured.putIfAbsent(slot.cell().id(), end.status().label());
                }
                failed.add(String.format(Locale.ROOT, "%s round %d: %s (see %s); its later forks skipped", pair,
                        slot.round(), what, out.relativize(folder.file("jmh-output.txt"))));
                console.println("ab: FAILED " + failed.get(failed.size() - 1));
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int done = slot.index() + 1;
            if (done % Math.max(1, plan.cells().size()) == 0 || done == schedule.size()) {
                console.printf(Locale.ROOT, "ab: round %d/%d, %d/%d forks, %s elapsed, about %s left%n", slot.round(),
                        plan.forks(), done, schedule.size(), Numbers.duration(elapsed),
                        Numbers.duration(elapsed / done * (schedule.size() - done)));
            }
        }
        AtomicFile.write(out.resolve("schedule.csv"), csv.toString());
    }

    private String forkFolderName(AbSchedule.Slot slot) {
        int position = plan.positions().get(plan.cells().indexOf(slot.cell()));
        return String.format(Locale.ROOT, "%04d-%s", position, slot.cell().id());
    }

    private static String row(AbSchedule.Slot slot, double seconds, String exit) {
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%.2f,%s%n", slot.index(), slot.round(), slot.cell().id(),
                slot.side().label(), seconds, exit);
    }

    /**
     * Runs one fork, its output appended to the side's JMH log. Past {@code limit} the fork's whole process tree
     * is ended (JMH's host JVM and the benchmark JVM it forked): it timed out. A fork that failed after its
     * tear-down wrote a corrupted state check to {@code stateFile} corrupted its map.
     */
    static ForkEnd runFork(List<String> command, Path log, java.time.Duration limit, Path stateFile) throws IOException {
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
                String check = Files.readString(stateFile, StandardCharsets.UTF_8);
                com.fasterxml.jackson.databind.JsonNode node = dev.mapbench.results.Json.mapper().readTree(check);
                if (node.path("corrupted").asBoolean(false)) {
                    return new ForkEnd(exit, ForkStatus.CORRUPTED, node.path("evidence").asText(""));
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
    private void assemble(RunFolder folder, Set<String> unmeasured) throws IOException {
        for (int i = 0; i < plan.cells().size(); i++) {
            Cell cell = plan.cells().get(i);
            if (unmeasured.contains(cell.id())) {
                continue; // a cell whose fork timed out or corrupted its map is compared on neither side
            }
            Path forks = folder.root().resolve("forks").resolve(String.format(Locale.ROOT, "%04d-%s",
                    plan.positions().get(i), cell.id()));
            if (!Files.isDirectory(forks)) {
                continue;
            }
            List<Path> files;
            try (var listing = Files.list(forks)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
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

    private void writeEnv(RunFolder folder, Side side, SideBuild build, String ref, Instant startedAt,
            Instant finishedAt) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> properties = sideProperties.getOrDefault(side, List.of());
        EnvJson.Run run = new EnvJson.Run("ab-" + side.label(), Environment.git(build.workTree()), startedAt,
                finishedAt, false, slowdownOf(properties));
        EnvJson env = EnvJson.of(run, Environment.machine(cores, Environment.cpuModel(Path.of("/proc/cpuinfo")),
                        ForkFacts.jvmArgs()),
                Environment.plan(plan.settings(), "ab", plan.forks(), plan.timing(), plan.cells().size(), null))
                .withAb(new EnvJson.AbSide(side.label(), ref, build.commit(), properties, seed));
        EnvJsonFile.write(folder.file(EnvJsonFile.FILE), env);
    }

    /** The slowdown a side's forks run with: its own {@code -Dmapbench.slowdown}, else the inherited variable. */
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
