package dev.mapbench.ab;

import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.BadInputException;
import dev.mapbench.runner.JmhLock;
import dev.mapbench.runner.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an A/B: builds both refs, runs the interleaved schedule of single forks while holding the JMH
 * lock, and writes each side as a run folder ({@code baseline/}, {@code candidate/}: {@code env.json},
 * {@code cells/}, {@code jmh-result.json}, every fork's raw JSON under {@code forks/}, JMH's output) plus
 * {@code schedule.csv}; the forks themselves run through {@link InterleavedForks}. Deciding and rendering is
 * {@link AbCli}'s.
 */
public final class AbRunner {

    /** Where the ruler's code lives: when it differs between the refs, the ruler cannot judge the machine. */
    static final List<String> RULER_SOURCES = List.of("src/jmh/java/dev/mapbench/bench/CalibrationBenchmark.java");

    /** What a finished A/B run left: the two side folders and what the summary needs. */
    public record Outcome(Path baselineFolder, Path candidateFolder, boolean rulerComparable, double buildSeconds,
            double measureSeconds, double meanForkSeconds, List<String> failedForks, Map<String, String> unmeasured) {
    }

    private final Path repository;
    private final AbPlan plan;
    private final long seed;
    private final Map<Side, List<String>> sideProperties;
    private final PrintStream console;

    public AbRunner(Path repository, AbPlan plan, long seed, Map<Side, List<String>> sideProperties, PrintStream console) {
        this.repository = repository;
        this.plan = plan;
        this.seed = seed;
        this.sideProperties = new EnumMap<>(sideProperties);
        this.console = console;
    }

    /** Builds, measures and writes both sides into {@code out} (which must not exist yet). */
    public Outcome run(Map<Side, String> refs, Map<Side, String> commits, Path out) throws IOException, BadInputException {
        Path work = Files.createTempDirectory("mapbench-ab-");
        Map<Side, SideBuild> builds = new EnumMap<>(Side.class);
        try {
            long buildStart = System.nanoTime();
            for (Side side : Side.values()) {
                builds.put(side, SideBuild.build(repository, refs.get(side), commits.get(side), work, side.label(),
                        console));
            }
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            boolean rulerComparable = rulerComparable(repository, commits.get(Side.BASELINE),
                    commits.get(Side.CANDIDATE));
            if (!rulerComparable) {
                console.println("ab: the calibration benchmark differs between the refs: the ruler is reported, not used");
            }
            Files.createDirectories(out);
            InterleavedForks forks = new InterleavedForks(plan, "ab: ", console);
            List<InterleavedForks.Arm> arms = new ArrayList<>();
            for (Side side : Side.values()) {
                RunFolder folder = new RunFolder(out.resolve(side.label()));
                folder.create();
                arms.add(new InterleavedForks.Arm(side.label(), builds.get(side), folder,
                        sideProperties.getOrDefault(side, List.of())));
            }
            Instant startedAt = Instant.now();
            for (Side side : Side.values()) {
                forks.writeEnv(arms.get(side.ordinal()), "ab-" + side.label(), refs.get(side), seed, startedAt, null);
            }
            List<String> failed;
            double measureSeconds;
            try (JmhLock lock = JmhLock.acquire("ab: ", console)) {
                long measureStart = System.nanoTime(); // after any wait for the lock: that is not measuring
                console.printf(Locale.ROOT, "ab: %d cells x %d forks a side = %d forks, interleaved (seed %d), planned %s%n",
                        plan.cells().size(), plan.forks(), plan.slots(), seed, Numbers.duration(plan.plannedSeconds()));
                failed = forks.run(AbSchedule.interleave(plan.cells(), Side.values().length, 1, plan.forks(), seed, null),
                        arms, out.resolve("schedule.csv"));
                measureSeconds = (System.nanoTime() - measureStart) / 1e9;
            }
            Instant finishedAt = Instant.now();
            for (Side side : Side.values()) {
                forks.assemble(arms.get(side.ordinal()).folder());
                forks.writeEnv(arms.get(side.ordinal()), "ab-" + side.label(), refs.get(side), seed, startedAt,
                        finishedAt);
            }
            return new Outcome(arms.get(0).folder().root(), arms.get(1).folder().root(), rulerComparable,
                    buildSeconds, measureSeconds, measureSeconds / Math.max(1, plan.slots()), failed,
                    forks.unmeasuredCells());
        } finally {
            for (SideBuild build : builds.values()) {
                build.close();
            }
            Files.deleteIfExists(work.resolve(Side.BASELINE.label()));
            Files.deleteIfExists(work.resolve(Side.CANDIDATE.label()));
            Files.deleteIfExists(work);
        }
    }

    /**
     * Whether the ruler's code is the same in both commits: when it differs, the ruler cannot judge the
     * machine (it is reported, not used).
     */
    public static boolean rulerComparable(Path repository, String commitA, String commitB) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "diff", "--quiet", commitA, commitB, "--"));
        command.addAll(RULER_SOURCES);
        return Processes.run(repository, 60, command).exit() == 0;
    }

}
