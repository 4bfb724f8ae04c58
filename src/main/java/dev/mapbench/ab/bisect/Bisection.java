package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.bisect.BisectResult.Attempt;
import dev.mapbench.ab.bisect.BisectResult.CommitState;
import dev.mapbench.ab.bisect.BisectResult.Effect;
import dev.mapbench.ab.bisect.BisectResult.Ends;
import dev.mapbench.ab.bisect.BisectResult.Outcome;
import dev.mapbench.ab.bisect.BisectResult.State;
import dev.mapbench.ab.bisect.BisectResult.Step;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.BadInputException;
import dev.mapbench.stats.RatioInterval;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bisects a regression between a good and a bad commit on one machine.
 *
 * <ol>
 *   <li><b>Ends.</b> An A/B of good against bad on the planned cells, interleaved. A cell regresses by the
 *       A/B's rule (significant after Benjamini–Hochberg and at least the minimum effect). When none does
 *       but some cell's bad/good interval still reaches below {@code 1 - minimum effect}, forks double up
 *       to the cap; when none regresses then, the regression is not reproduced and nothing is bisected.</li>
 *   <li><b>Steps.</b> The regressed cells (and their ruler) are measured on the midpoint of the commits
 *       still open, interleaved with both ends' trees; {@link StepDecision} answers same as good, same as bad
 *       or unknown. Unknown doubles the forks a side ({@code start → 2 start → 4 start}, capped); unknown at
 *       the cap leaves that commit undecided and the next step takes its neighbour, as does a commit that
 *       does not build (skipped).</li>
 *   <li><b>Result.</b> The first bad commit when the last good and the first bad commit are neighbours; when
 *       only skipped commits lie between, the first bad commit that builds is named, not certain; when an
 *       undecided commit lies between, the range is undecided. A step whose cells disagree, or whose
 *       midpoint carries only part of the regression, makes the culprit not certain too. The ruler shown
 *       moved doubles the forks like an unknown answer (forks of one cell land in modes, and a few forks
 *       can fall on one side by chance); still moved at the cap, it stops the bisection (machine
 *       unstable).</li>
 * </ol>
 */
public final class Bisection {

    /** How a tree is named in a step's outputs. */
    static final List<String> STEP_TREES = List.of("good", "midpoint", "bad");
    /** How a tree is named in the ends' outputs. */
    static final List<String> END_TREES = List.of("good", "bad");

    /**
     * How a bisection measures and decides.
     *
     * @param startForks forks a side of a first measurement (the A/B's 6)
     * @param maxForks the cap forks double up to (24: four times the first)
     * @param decision the A/B's thresholds (the gate's 10 % minimum effect, ±10 % margin, the ruler's tolerance)
     * @param seed the seed every measurement's order is drawn from
     */
    public record Settings(int startForks, int maxForks, AbDecision.Settings decision, long seed) {

        /** Forks a side by default: the A/B's. */
        public static final int DEFAULT_START_FORKS = AbPlan.DEFAULT_FORKS;
        /** The default cap: two doublings, 6 → 12 → 24. */
        public static final int DEFAULT_MAX_FORKS = 4 * AbPlan.DEFAULT_FORKS;

        /** Validates the fork counts. */
        public Settings {
            if (startForks < 2) {
                throw new IllegalArgumentException("--forks must be >= 2 (a rank test needs forks), got " + startForks);
            }
            if (maxForks < startForks) {
                throw new IllegalArgumentException("--max-forks " + maxForks + " is below --forks " + startForks);
            }
        }

        /** The forks a side of each measurement: start, doubled, ..., the cap. */
        public List<Integer> forkLevels() {
            List<Integer> levels = new ArrayList<>(List.of(startForks));
            while (levels.get(levels.size() - 1) < maxForks) {
                levels.add(Math.min(maxForks, 2 * levels.get(levels.size() - 1)));
            }
            return levels;
        }

        /**
         * The thresholds of a step in a range of {@code commits} commits: the gate's alpha split (Bonferroni) over the
         * steps the range expects ({@link BisectPlan#steps}) and the looks each step may take (one per fork level),
         * so that the chance any step of the whole bisection answers wrong stays near the gate's alpha. One wrong
         * step names the wrong commit, and a bisection takes several steps with up to three looks each: at the
         * gate's own 5 % per test, a range of 8 commits answers wrong about one time in four.
         */
        AbDecision.Settings stepDecision(int commits) {
            int tests = Math.max(1, BisectPlan.steps(commits)) * forkLevels().size();
            GateSettings gate = decision.gate();
            return new AbDecision.Settings(new GateSettings(gate.alpha() / tests, gate.minEffectPercent(),
                    gate.bytesToleranceBytes(), gate.bytesTolerancePercent(), gate.minBytesForks()),
                    decision.margin(), decision.rulerTolerance());
        }

        /** The seed of measurement {@code level} (0, 1, ...) of step {@code step} (0 = the ends). */
        long seed(int step, int level) {
            return seed + 7919L * step + level;
        }
    }

    private final Machine machine;
    private final AbPlan plan;
    private final Settings settings;
    private final PrintStream console;
    private final TreeCache cache;
    private final List<String> failedForks = new ArrayList<>();
    private double measureSeconds;

    /** A bisection of {@code plan}'s cells on {@code machine}. */
    public Bisection(Machine machine, AbPlan plan, Settings settings, PrintStream console) {
        this.machine = machine;
        this.plan = plan;
        this.settings = settings;
        this.console = console;
        this.cache = new TreeCache(machine, console);
    }

    /** Runs the bisection of {@code range}; bad input when an end does not build. */
    public BisectResult run(CommitRange range) throws IOException, BadInputException {
        long start = System.nanoTime();
        List<Commit> all = range.all();
        int n = all.size() - 1;
        Machine.Tree good = end(range.good(), "good");
        Machine.Tree bad = end(range.bad(), "bad");
        Ends ends = ends(good, bad);
        State[] states = new State[n + 1];
        Arrays.fill(states, State.UNTESTED);
        states[0] = State.GOOD;
        states[n] = State.BAD;
        int[] stepOf = new int[n + 1];
        List<Step> steps = new ArrayList<>();
        if (ends.unstable()) {
            return result(range, ends, steps, states, stepOf, Outcome.MACHINE_UNSTABLE, 0, n, start);
        }
        if (ends.regressedKeys().isEmpty()) {
            return result(range, ends, steps, states, stepOf, Outcome.NOT_REPRODUCED, 0, n, start);
        }
        AbPlan stepPlan = plan.keeping(new LinkedHashSet<>(ends.regressedKeys().stream()
                .map(key -> ends.cellIds().get(label(key))).toList()));
        int lo = 0;
        int hi = n;
        for (int next = pick(states, lo, hi); next >= 0; next = pick(states, lo, hi)) {
            Commit commit = all.get(next);
            int number = steps.size() + 1;
            Optional<Machine.Tree> tree = cache.tree(commit);
            Step step = tree.isEmpty()
                    ? new Step(number, next, commit, State.SKIPPED, List.of(), null, cache.failure(commit))
                    : step(number, next, n, good, tree.get(), bad, stepPlan, ends);
            steps.add(step);
            states[next] = step.state();
            stepOf[next] = number;
            if (step.state() == State.GOOD) {
                lo = next;
            } else if (step.state() == State.BAD) {
                hi = next;
            } else if (step.state() == State.UNSTABLE) {
                return result(range, ends, steps, states, stepOf, Outcome.MACHINE_UNSTABLE, lo, hi, start);
            }
        }
        boolean undecided = false;
        for (int i = lo + 1; i < hi; i++) {
            undecided |= states[i] == State.UNDECIDED;
        }
        return result(range, ends, steps, states, stepOf, undecided ? Outcome.UNDECIDED : Outcome.FOUND, lo, hi, start);
    }

    private Machine.Tree end(Commit commit, String which) throws IOException, BadInputException {
        Optional<Machine.Tree> tree = cache.tree(commit);
        if (tree.isEmpty()) {
            throw new BadInputException(Path.of(commit.shortHash()), "the " + which + " end does not build: "
                    + cache.failure(commit));
        }
        return tree.get();
    }

    /** The untested commit strictly between lo and hi nearest their midpoint (ties: the later one first), or -1. */
    static int pick(State[] states, int lo, int hi) {
        int mid = (lo + hi) / 2;
        for (int distance = 0; distance < hi - lo; distance++) {
            for (int candidate : new int[] {mid + distance, mid - distance}) {
                if (candidate > lo && candidate < hi && states[candidate] == State.UNTESTED) {
                    return candidate;
                }
            }
        }
        return -1;
    }

    private Ends ends(Machine.Tree good, Machine.Tree bad) throws IOException {
        boolean rulerComparable = machine.rulerComparable(good.commit(), bad.commit());
        double minEffect = settings.decision().gate().minEffectPercent() / 100.0;
        List<Attempt> attempts = new ArrayList<>();
        List<Integer> levels = settings.forkLevels();
        int measured = 0;
        for (int level = 0; ; level++) {
            int forks = levels.get(level);
            long seed = settings.seed(0, level);
            console.printf(Locale.ROOT, "bisect: ends: good %s against bad %s, %d cells, forks %d..%d a side%n",
                    good.commit().shortHash(), bad.commit().shortHash(), plan.cells().size(), measured + 1, forks);
            Machine.Measured run = machine.measure("ends", plan.withForks(forks), List.of(good, bad), END_TREES,
                    measured + 1, forks, seed);
            account(run);
            measured = forks;
            AbDecision.Result result = AbDecision.decide(List.of(new AbDecision.Shard("good/bad", run.sides().get(0),
                    run.sides().get(1), rulerComparable)), settings.decision());
            List<String> regressed = result.regressions().stream().map(Bisection::key).distinct().toList();
            List<String> unclear = new ArrayList<>();
            List<String> slower = new ArrayList<>();
            for (CellComparison cell : result.comparison().cells()) {
                RatioInterval ratio = result.speedRatio(cell);
                if (cell.cell().startsWith("CalibrationBenchmark.") || cell.notGatedReason() != null
                        || cell.regression() || ratio == null) {
                    continue;
                }
                if (ratio.low() < 1 - minEffect) {
                    unclear.add(key(cell));
                }
                if (ratio.below1()) {
                    slower.add(key(cell));
                }
            }
            boolean unstable = !result.unstableShards().isEmpty();
            StepAnswer answer = !regressed.isEmpty() ? StepAnswer.SAME_AS_BAD
                    : unclear.isEmpty() ? StepAnswer.SAME_AS_GOOD : StepAnswer.UNKNOWN;
            attempts.add(new Attempt(forks, seed, answer, unstable, run.seconds()));
            console.printf(Locale.ROOT, "bisect: ends at %d forks a side: %s%n", forks, unstable
                    ? level == levels.size() - 1 ? "MACHINE UNSTABLE (the ruler moved)"
                            : "the ruler shown moved: doubling the forks to tell the machine from chance" : !regressed.isEmpty() ? regressed.size()
                    + " regressed cell metric(s)" : unclear.isEmpty() ? "no regression" : unclear.size()
                    + " cell(s) neither regressed nor shown within the minimum effect");
            boolean last = level == levels.size() - 1;
            if (last || !unstable && (!regressed.isEmpty() || unclear.isEmpty())) {
                return new Ends(attempts, result, regressed, unclear, slower, run.cellIdByLabel());
            }
        }
    }

    private Step step(int number, int index, int n, Machine.Tree good, Machine.Tree midpoint, Machine.Tree bad,
            AbPlan stepPlan, Ends ends) throws IOException {
        String name = String.format(Locale.ROOT, "step-%02d-%s", number, midpoint.commit().shortHash());
        AbDecision.Settings stepDecision = settings.stepDecision(n);
        boolean goodMid = machine.rulerComparable(good.commit(), midpoint.commit());
        boolean midBad = machine.rulerComparable(midpoint.commit(), bad.commit());
        boolean goodBad = machine.rulerComparable(good.commit(), bad.commit());
        List<Attempt> attempts = new ArrayList<>();
        List<Integer> levels = settings.forkLevels();
        int measured = 0;
        for (int level = 0; ; level++) {
            int forks = levels.get(level);
            long seed = settings.seed(number, level);
            console.printf(Locale.ROOT, "bisect: step %d: %s (%d of %d) \"%s\", forks %d..%d a side%n", number,
                    midpoint.commit().shortHash(), index, n, midpoint.commit().subject(), measured + 1, forks);
            Machine.Measured run = machine.measure(name, stepPlan.withForks(forks), List.of(good, midpoint, bad),
                    STEP_TREES, measured + 1, forks, seed);
            account(run);
            measured = forks;
            AbDecision.Result goodToMid = pair("good/midpoint", run, 0, 1, goodMid, stepDecision);
            AbDecision.Result midToBad = pair("midpoint/bad", run, 1, 2, midBad, stepDecision);
            AbDecision.Result goodToBad = pair("good/bad", run, 0, 2, goodBad, stepDecision);
            StepDecision.Decided decided = StepDecision.decide(goodToMid, midToBad, goodToBad, ends.regressedKeys(),
                    run.cellIdByLabel(), stepDecision);
            attempts.add(new Attempt(forks, seed, decided.answer(), decided.unstable(), run.seconds()));
            console.printf(Locale.ROOT, "bisect: step %d at %d forks a side: %s%n", number, forks,
                    decided.unstable() ? level == levels.size() - 1 ? "MACHINE UNSTABLE (the ruler moved)"
                            : "the ruler shown moved: doubling the forks to tell the machine from chance"
                            : decided.answer().words());
            boolean last = level == levels.size() - 1;
            State state = decided.unstable() ? (last ? State.UNSTABLE : null)
                    : decided.answer() == StepAnswer.SAME_AS_GOOD ? State.GOOD
                    : decided.answer() == StepAnswer.SAME_AS_BAD ? State.BAD
                    : last ? State.UNDECIDED : null;
            if (state != null) {
                return new Step(number, index, midpoint.commit(), state, attempts, decided, null);
            }
        }
    }

    private static AbDecision.Result pair(String name, Machine.Measured run, int baseline, int candidate,
            boolean rulerComparable, AbDecision.Settings decision) {
        return AbDecision.decide(List.of(new AbDecision.Shard(name, run.sides().get(baseline),
                run.sides().get(candidate), rulerComparable)), decision);
    }

    private void account(Machine.Measured run) {
        measureSeconds += run.seconds();
        failedForks.addAll(run.failedForks());
    }

    private BisectResult result(CommitRange range, Ends ends, List<Step> steps, State[] states, int[] stepOf,
            Outcome outcome, int lo, int hi, long start) {
        List<Commit> all = range.all();
        List<CommitState> commits = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            commits.add(new CommitState(i, all.get(i), states[i], stepOf[i]));
        }
        boolean reproduced = outcome != Outcome.NOT_REPRODUCED;
        Commit lastGood = reproduced ? all.get(lo) : null;
        Commit firstBad = reproduced ? all.get(hi) : null;
        Commit culprit = outcome == Outcome.FOUND ? firstBad : null;
        List<String> notCertain = new ArrayList<>();
        List<Effect> effect = new ArrayList<>();
        if (outcome == Outcome.FOUND || outcome == Outcome.UNDECIDED) {
            for (int i = lo + 1; i < hi; i++) {
                Commit commit = all.get(i);
                notCertain.add(states[i] == State.SKIPPED
                        ? commit.shortHash() + " \"" + commit.subject() + "\" does not build (skipped): the regression "
                                + "may have come in with it"
                        : commit.shortHash() + " \"" + commit.subject() + "\" stayed unknown at " + settings.maxForks()
                                + " forks a side (undecided): the regression may have come in with it");
            }
            for (Step step : steps) {
                if (step.decided() != null && step.decided().cellsDisagree()) {
                    notCertain.add("step " + step.number() + " (" + step.commit().shortHash() + "): the cells disagree ("
                            + answers(step) + "): more than one commit may have changed them; this names the first");
                }
                if (step.state() == State.BAD && step.decided().partial()) {
                    notCertain.add("step " + step.number() + " (" + step.commit().shortHash() + ") carries only part "
                            + "of the regression (bad is a further minimum effect away): it came in more than one "
                            + "commit; this names the first");
                }
            }
        }
        if (culprit != null) {
            effect.addAll(effect(hi, steps, ends, stepOf, all.size() - 1));
        }
        return new BisectResult(range, plan, settings, ends, steps, commits, outcome, culprit, lastGood, firstBad,
                notCertain, effect, cache.builds(), cache.buildSeconds(), measureSeconds,
                (System.nanoTime() - start) / 1e9, failedForks);
    }

    private static String answers(Step step) {
        Map<String, String> byCell = new LinkedHashMap<>();
        step.decided().cells().forEach(cell -> byCell.put(cell.cellId(), cell.answer().words()));
        return byCell.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private List<Effect> effect(int culpritIndex, List<Step> steps, Ends ends, int[] stepOf, int badIndex) {
        List<Effect> effect = new ArrayList<>();
        if (culpritIndex == badIndex || stepOf[culpritIndex] == 0) {
            for (CellComparison cell : ends.result().regressions()) {
                RatioInterval ratio = ends.result().speedRatio(cell);
                effect.add(new Effect(ends.cellIds().getOrDefault(cell.cell(), cell.cell()), cell.metric(), ratio,
                        ratio != null ? "bad/good speed " + Numbers.ratioInterval(ratio)
                                : ends.result().statement(cell), ends.forks(), "the ends' A/B"));
            }
            return effect;
        }
        Step step = steps.get(stepOf[culpritIndex] - 1);
        for (StepDecision.CellAnswer cell : step.decided().cells()) {
            if (cell.answer() == StepAnswer.SAME_AS_BAD) {
                effect.add(new Effect(cell.cellId(), cell.key().substring(cell.key().lastIndexOf(" | ") + 3),
                        cell.midVsGood(), cell.midVsGood() != null ? "culprit/good speed "
                        + Numbers.ratioInterval(cell.midVsGood()) : cell.reason(), step.forks(), "step " + step.number()));
            }
        }
        return effect;
    }

    static String key(CellComparison cell) {
        return cell.cell() + " | " + cell.metric();
    }

    static String label(String key) {
        return key.substring(0, key.lastIndexOf(" | "));
    }
}
