package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.runner.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --dry-run} prints: the steps a bisection of {@code commits} commits is expected to take (log2 of
 * the range), the forks each measurement runs, and the wall time those forks and builds take.
 *
 * <p>Each step measures the cells that regress at the ends (not known before they are measured: from one
 * to all of the planned workload cells) and their ruler on three trees; the ends measure every planned cell
 * on two. Time: forks × the A/B's planned seconds a fork, plus one build per commit built at
 * {@link #BUILD_SECONDS} (measured on the 2-core machine: 10–26 s for {@code mvn -q -B -DskipTests
 * process-classes} of a fresh work tree).
 *
 * @param commits first-parent commits after good, bad included: the candidates for the first bad commit
 * @param ends the ends' plan (every planned cell)
 * @param settings forks a side, the cap
 */
public record BisectPlan(int commits, AbPlan ends, Bisection.Settings settings) {

    /** One build of a commit in a fresh work tree, on the 2-core machine. */
    public static final double BUILD_SECONDS = 20;

    /** Steps a bisection of {@code commits} candidates takes when every step decides: ceil(log2(commits)). */
    public static int steps(int commits) {
        int steps = 0;
        while ((1L << steps) < commits) {
            steps++;
        }
        return steps;
    }

    /** Expected steps. */
    public int steps() {
        return steps(commits);
    }

    /** Workload cells of the ends. */
    public int workloadCells() {
        return (int) ends.cells().stream().filter(cell -> !cell.isCalibration()).count();
    }

    /** Cells a step measures when one workload cell regresses: it and its ruler. */
    public int fewestStepCells() {
        Cell first = ends.cells().stream().filter(cell -> !cell.isCalibration()).findFirst().orElseThrow();
        return ends.keeping(List.of(first.id())).cells().size();
    }

    /** Cells a step measures when every workload cell regresses. */
    public int mostStepCells() {
        return ends.cells().size();
    }

    /** Forks of the ends at the first forks a side: cells × 2 trees × forks. */
    public int endForks() {
        return ends.cells().size() * 2 * settings.startForks();
    }

    /** Forks of one step at {@code forks} a side of {@code cells} cells: cells × 3 trees × forks. */
    public static int stepForks(int cells, int forks) {
        return cells * 3 * forks;
    }

    /** Builds: both ends and one midpoint a step. */
    public int builds() {
        return 2 + steps();
    }

    /** Estimated wall time when every measurement decides at the first forks a side, for {@code stepCells}. */
    public double seconds(int stepCells) {
        return builds() * BUILD_SECONDS + (endForks() + steps() * stepForks(stepCells, settings.startForks()))
                * ends.plannedSecondsPerFork();
    }

    /** Estimated wall time when the ends and every step double up to the cap, with every cell regressed. */
    public double worstSeconds() {
        int cap = settings.maxForks();
        return builds() * BUILD_SECONDS + (ends.cells().size() * 2 * cap + steps() * stepForks(mostStepCells(), cap))
                * ends.plannedSecondsPerFork();
    }

    /** The plan, a line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        double fork = ends.plannedSecondsPerFork();
        lines.add(String.format(Locale.ROOT, "plan: ends: good against bad, %d cells (%d ruler) x 2 trees x %d forks a "
                + "side = %d forks, %s", ends.cells().size(), ends.rulerCells(), settings.startForks(), endForks(),
                Numbers.duration(endForks() * fork)));
        lines.add(String.format(Locale.ROOT, "plan: steps expected: %d (log2 of %d commit%s), each the midpoint "
                + "interleaved with good and bad: 3 trees x %d forks a side of the cells that regress at the ends "
                + "plus their ruler: %d cells (one regresses) to %d (all %d do) = %d to %d forks, %s to %s a step",
                steps(), commits, commits == 1 ? "" : "s", settings.startForks(), fewestStepCells(), mostStepCells(),
                workloadCells(), stepForks(fewestStepCells(), settings.startForks()),
                stepForks(mostStepCells(), settings.startForks()),
                Numbers.duration(stepForks(fewestStepCells(), settings.startForks()) * fork),
                Numbers.duration(stepForks(mostStepCells(), settings.startForks()) * fork)));
        lines.add("plan: forks a side while unknown: " + String.join(" -> ", settings.forkLevels().stream()
                .map(String::valueOf).toList()) + " (cap " + settings.maxForks() + "): a step unknown at the cap is "
                + "undecided and costs " + settings.maxForks() / settings.startForks() + "x");
        lines.add(String.format(Locale.ROOT, "plan: builds: %d (both ends, one midpoint a step, each commit once), "
                + "about %s each", builds(), Numbers.duration(BUILD_SECONDS)));
        lines.add(String.format(Locale.ROOT, "plan: estimated wall time: %s (one cell regresses) to %s (all do), "
                + "every step deciding at %d forks a side (%.2f s a fork); up to %s if the ends and every step "
                + "double to the cap", Numbers.duration(seconds(fewestStepCells())),
                Numbers.duration(seconds(mostStepCells())), settings.startForks(), fork,
                Numbers.duration(worstSeconds())));
        return lines;
    }
}
