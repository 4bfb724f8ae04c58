package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.ab.AbSchedule;
import dev.mapbench.ab.CellLabels;
import dev.mapbench.ab.InterleavedForks;
import dev.mapbench.ab.SideBuild;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import dev.mapbench.runner.JmhLock;
import dev.mapbench.runner.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This computer as a bisection's machine: each commit built once with the A/B's {@link SideBuild} (a detached
 * work tree in a temporary folder that lives as long as the bisection), forks run by the A/B's
 * {@link InterleavedForks} under the JMH lock, each measurement a folder of run folders (one per tree) under
 * the bisection's output. The lock is held per measurement, not across builds: each step's trees are measured
 * in the same minutes, which is all its answer needs.
 */
public final class ForkMachine implements Machine {

    private record BuiltTree(Commit commit, SideBuild build) implements Tree {
    }

    private final Path repository;
    private final Path out;
    private final long seed;
    private final List<String> properties;
    private final PrintStream console;
    private final Path work;
    private final List<SideBuild> builds = new ArrayList<>();
    private final Map<String, AbSchedule.ArmSlot> lastSlot = new HashMap<>();
    private final Map<String, Instant> startedAt = new HashMap<>();

    /**
     * A machine writing measurements under {@code out}.
     *
     * @param properties {@code -D} properties every fork gets
     */
    public ForkMachine(Path repository, Path out, long seed, List<String> properties, PrintStream console) throws IOException {
        this.repository = repository;
        this.out = out;
        this.seed = seed;
        this.properties = List.copyOf(properties);
        this.console = console;
        this.work = Files.createTempDirectory("mapbench-bisect-");
    }

    @Override
    public Tree build(Commit commit) throws DoesNotBuild, IOException {
        try {
            SideBuild build = SideBuild.build(repository, commit.shortHash(), commit.hash(), work, commit.hash(),
                    console, "bisect: ");
            builds.add(build);
            return new BuiltTree(commit, build);
        } catch (BadInputException e) {
            throw new DoesNotBuild(e.problem());
        }
    }

    @Override
    public Measured measure(String name, AbPlan plan, List<Tree> trees, List<String> labels, int firstRound,
            int lastRound, long roundSeed) throws IOException {
        Path folder = out.resolve(name);
        Files.createDirectories(folder);
        InterleavedForks forks = new InterleavedForks(plan, "bisect: ", console);
        List<InterleavedForks.Arm> arms = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            RunFolder runFolder = new RunFolder(folder.resolve(labels.get(i)));
            runFolder.create();
            arms.add(new InterleavedForks.Arm(labels.get(i), ((BuiltTree) trees.get(i)).build(), runFolder, properties));
        }
        Instant started = startedAt.computeIfAbsent(name, ignored -> Instant.now());
        List<AbSchedule.ArmSlot> schedule = AbSchedule.interleave(plan.cells(), trees.size(), firstRound, lastRound,
                roundSeed, lastSlot.get(name));
        List<String> failed;
        double seconds;
        try (JmhLock lock = JmhLock.acquire("bisect: ", console)) {
            long start = System.nanoTime(); // after any wait for the lock: that is not measuring
            failed = forks.run(schedule, arms, folder.resolve("schedule.csv"));
            seconds = (System.nanoTime() - start) / 1e9;
        }
        lastSlot.put(name, schedule.get(schedule.size() - 1));
        List<RunSide> sides = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < arms.size(); i++) {
            InterleavedForks.Arm arm = arms.get(i);
            forks.assemble(arm.folder());
            forks.writeEnv(arm, "bisect-" + name + "-" + arm.label(), trees.get(i).commit().hash(), seed, started,
                    Instant.now());
            try {
                ResultSet results = JmhResultReader.read(List.of(arm.folder().root()));
                sides.add(RunSideReader.fromResults(results, out.relativize(arm.folder().root()).toString()));
                ids.putAll(CellLabels.idsByLabel(results));
            } catch (BadInputException e) {
                throw new IOException("cannot read the forks just measured in " + arm.folder().root() + ": "
                        + e.getMessage(), e);
            }
        }
        return new Measured(sides, ids, seconds, failed);
    }

    @Override
    public boolean rulerComparable(Commit a, Commit b) throws IOException {
        return AbRunner.rulerComparable(repository, a.hash(), b.hash());
    }

    /** Removes every work tree and the temporary folder, also after a failure. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (SideBuild build : builds) {
            try {
                build.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try (var left = Files.list(work)) {
            for (Path path : left.toList()) {
                Files.deleteIfExists(path);
            }
        }
        Files.deleteIfExists(work);
        if (first != null) {
            throw first;
        }
    }
}
