package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbPlan;
import dev.mapbench.compare.RunSide;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.runner.Cell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A machine for the bisection's tests, no JMH: each commit has a speed factor for one strategy, forks are
 * that factor times a seeded log-normal jitter; commits can fail to build, scatter wildly, or move the ruler.
 * It counts every build, so a test can see that no commit is built twice.
 */
final class SimulatedMachine implements Machine {

    private record SimulatedTree(Commit commit) implements Tree {
    }

    private final String slowedStrategy;
    private final Map<String, Double> speed = new HashMap<>();
    private final Map<String, Double> extraNoise = new HashMap<>();
    private final Map<String, Double> rulerShift = new HashMap<>();
    private final Map<String, Integer> rulerShiftUntil = new HashMap<>();
    private final Set<String> broken;
    private final double noise;
    final Map<String, Integer> builds = new LinkedHashMap<>();
    final List<String> measurements = new ArrayList<>();
    private final Map<String, List<Double>> forks = new HashMap<>();

    SimulatedMachine(String slowedStrategy, double noise, Set<String> broken) {
        this.slowedStrategy = slowedStrategy;
        this.noise = noise;
        this.broken = broken;
    }

    /** The slowed strategy runs at {@code factor} of good on this commit. */
    SimulatedMachine speed(Commit commit, double factor) {
        speed.put(commit.hash(), factor);
        return this;
    }

    /** This commit's forks scatter with a log sd of {@code sd} on top of the machine's noise. */
    SimulatedMachine scatter(Commit commit, double sd) {
        extraNoise.put(commit.hash(), sd);
        return this;
    }

    /** The ruler runs at {@code factor} on this commit's tree: the machine moved while it ran. */
    SimulatedMachine rulerShift(Commit commit, double factor) {
        return rulerShift(commit, factor, Integer.MAX_VALUE);
    }

    /** The ruler runs at {@code factor} on this commit's tree in rounds up to {@code lastRound} only. */
    SimulatedMachine rulerShift(Commit commit, double factor, int lastRound) {
        rulerShift.put(commit.hash(), factor);
        rulerShiftUntil.put(commit.hash(), lastRound);
        return this;
    }

    @Override
    public Tree build(Commit commit) throws DoesNotBuild {
        builds.merge(commit.hash(), 1, Integer::sum);
        if (broken.contains(commit.hash())) {
            throw new DoesNotBuild("mvn process-classes exit 1: cannot find symbol");
        }
        return new SimulatedTree(commit);
    }

    @Override
    public Measured measure(String name, AbPlan plan, List<Tree> trees, List<String> labels, int firstRound,
            int lastRound, long seed) {
        measurements.add(name + " " + firstRound + ".." + lastRound);
        List<RunSide> sides = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (int t = 0; t < trees.size(); t++) {
            Commit commit = trees.get(t).commit();
            List<CellSample> samples = new ArrayList<>();
            for (Cell cell : plan.cells()) {
                String label = label(cell);
                ids.put(label, cell.id());
                List<Double> values = forks.computeIfAbsent(name + "/" + labels.get(t) + "/" + cell.id(),
                        ignored -> new ArrayList<>());
                for (int round = firstRound; round <= lastRound; round++) {
                    Random random = new Random(seed * 1_000_003L + 31L * t + 7919L * round + cell.id().hashCode());
                    double sd = noise + extraNoise.getOrDefault(commit.hash(), 0.0);
                    values.add(base(cell) * factor(commit, cell, round) * Math.exp(sd * random.nextGaussian()));
                }
                String strategy = cell.isCalibration() ? label.substring(0, label.indexOf(' ')) : cell.strategy().name();
                samples.add(new CellSample(label, strategy, CellSample.PRIMARY, "ops/us", cell.threads(),
                        values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            sides.add(new RunSide(name + "/" + labels.get(t), samples, Map.of(), 2, false));
        }
        return new Measured(sides, ids, 1.0 * (lastRound - firstRound + 1) * plan.cells().size() * trees.size(),
                List.of());
    }

    private double factor(Commit commit, Cell cell, int round) {
        if (cell.isCalibration()) {
            return round <= rulerShiftUntil.getOrDefault(commit.hash(), 0) ? rulerShift.get(commit.hash()) : 1.0;
        }
        return cell.strategy().name().equals(slowedStrategy) ? speed.getOrDefault(commit.hash(), 1.0) : 1.0;
    }

    private static double base(Cell cell) {
        return cell.isCalibration() ? 900 : 40 + cell.readPercent();
    }

    /** Labels like the comparison's: calibration cells carry the ruler's benchmark class. */
    static String label(Cell cell) {
        return (cell.isCalibration() ? "CalibrationBenchmark.get thrpt " : "MapWorkloadBenchmark.operation thrpt ")
                + cell.id();
    }

    @Override
    public boolean rulerComparable(Commit a, Commit b) {
        return true;
    }

    @Override
    public void close() {
    }
}
