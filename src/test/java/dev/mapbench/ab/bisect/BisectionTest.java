package dev.mapbench.ab.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.bisect.BisectResult.Outcome;
import dev.mapbench.ab.bisect.BisectResult.State;
import dev.mapbench.results.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bisection on a simulated machine: steps, doubling, the cap, skipped commits, the cache, exit codes. */
class BisectionTest {

    static final String SLOWED = "RWLOCK_HASHMAP";

    /** Good plus {@code n} commits, the last the bad end. */
    static CommitRange range(int n) {
        List<Commit> commits = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            commits.add(commit(i));
        }
        return new CommitRange(commit(0), commits);
    }

    static Commit commit(int i) {
        return new Commit(String.format(Locale.ROOT, "%02x%038x", 16 + i, 0xc0ffeeL), "commit " + i,
                List.of("docs/note-" + i + ".md"));
    }

    /** The must-show cells: RWLOCK_HASHMAP and CONCURRENT_HASHMAP, 100 % and 50 % reads, size 100, 1 thread. */
    static AbPlan plan() {
        Properties properties = new Properties();
        properties.setProperty("bench.strategies", SLOWED + ",CONCURRENT_HASHMAP");
        properties.setProperty("bench.threads", "1");
        properties.setProperty("bench.include", "-r(100|50)-");
        return AbPlan.from(properties, 2, 6, AbPlan.defaultTiming());
    }

    static Bisection.Settings settings() {
        return new Bisection.Settings(6, 24, AbDecision.Settings.defaults(), 42);
    }

    /** Every commit from {@code index} on runs the slowed strategy at {@code factor}. */
    static SimulatedMachine slowFrom(SimulatedMachine machine, CommitRange range, int index, double factor) {
        for (int i = index; i < range.all().size(); i++) {
            machine.speed(range.all().get(i), factor);
        }
        return machine;
    }

    static BisectResult bisect(SimulatedMachine machine, CommitRange range) throws Exception {
        return new Bisection(machine, plan(), settings(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run(range);
    }

    static SimulatedMachine machine(Commit... broken) {
        Set<String> hashes = new HashSet<>();
        for (Commit commit : broken) {
            hashes.add(commit.hash());
        }
        return new SimulatedMachine(SLOWED, 0.02, hashes);
    }

    @Test
    void namesTheOneSlowCommitOfEightInThreeStepsAndEndsWithItsHash() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 5, 0.5);
        BisectResult result = bisect(machine, range);
        assertEquals(Outcome.FOUND, result.outcome());
        assertEquals(range.all().get(5), result.culprit());
        assertEquals(range.all().get(4), result.lastGood());
        assertEquals(BisectResult.FOUND, result.exitCode(), result.notCertain().toString());
        assertEquals("first bad commit: " + range.all().get(5).hash(), result.lastLine());
        assertEquals(3, result.steps().size(), "log2 of 8 commits");
        assertEquals(List.of(4, 6, 5), result.steps().stream().map(BisectResult.Step::index).toList());
        assertEquals(List.of(State.GOOD, State.BAD, State.BAD),
                result.steps().stream().map(BisectResult.Step::state).toList());
        assertTrue(result.steps().stream().allMatch(step -> step.forks() == 6), "every step decided at 6 forks");
        assertEquals(List.of("RWLOCK_HASHMAP-r100-s100-UNIFORM-t1", "RWLOCK_HASHMAP-r50-s100-UNIFORM-t1"),
                result.effect().stream().map(BisectResult.Effect::cellId).toList(), "only the slowed strategy regressed");
        assertEquals(0.5, result.effect().get(0).ratio().ratio(), 0.03);
        assertEquals("step 3", result.effect().get(0).where());
    }

    @Test
    void buildsEveryCommitOnceAndMeasuresTheEndsInEveryStep() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(range.all().get(4)), range, 3, 0.5);
        machine.scatter(range.all().get(2), 0.6);
        BisectResult result = bisect(machine, range);
        assertTrue(machine.builds.values().stream().allMatch(count -> count == 1), machine.builds.toString());
        assertEquals(machine.builds.size(), result.builds());
        assertTrue(machine.builds.containsKey(range.good().hash()) && machine.builds.containsKey(range.bad().hash()));
        assertTrue(machine.measurements.stream().filter(m -> m.startsWith("step-")).count() >= 2,
                machine.measurements.toString());
    }

    @Test
    void noSlowCommitIsNotReproducedExitZeroAndNothingIsBisected() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(machine(), range);
        assertEquals(Outcome.NOT_REPRODUCED, result.outcome());
        assertEquals(BisectResult.FOUND, result.exitCode());
        assertEquals("not reproduced", result.lastLine());
        assertTrue(result.steps().isEmpty());
        assertEquals(2, result.builds(), "only the ends are built");
        assertTrue(BisectRender.text(result).endsWith("\nnot reproduced\n"));
    }

    @Test
    void onAMachineTooNoisyToExcludeARegressionTheEndsDoubleToTheCapAndSaySo() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(new SimulatedMachine(SLOWED, 0.5, Set.of()), range);
        assertEquals(Outcome.NOT_REPRODUCED, result.outcome());
        assertEquals(List.of(6, 12, 24), result.ends().attempts().stream().map(BisectResult.Attempt::forks).toList());
        assertTrue(BisectRender.outcome(result).contains("not shown within the 10 % minimum effect even at the cap, so "
                + "a regression there is not excluded either"), BisectRender.outcome(result));
        assertTrue(BisectRender.text(result).contains("noisy machine: the ruler CALIBRATION-s100-UNIFORM-t1 did not move, "
                + "but its interval"), BisectRender.text(result));
    }

    @Test
    void aSlowdownBelowTheMinimumEffectIsNotReproducedAndTheTextSaysItIsThere() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(slowFrom(machine(), range, 5, 0.96), range);
        assertEquals(Outcome.NOT_REPRODUCED, result.outcome());
        assertEquals(BisectResult.FOUND, result.exitCode());
        String text = BisectRender.text(result);
        assertTrue(text.startsWith("RESULT: not reproduced: good against bad shows no regression of at least 10 %"), text);
        String headline = text.lines().findFirst().orElseThrow();
        assertTrue(headline.contains("shown slower, but by less than the 10 % minimum effect: "
                + "RWLOCK_HASHMAP-r100-s100-UNIFORM-t1 0.9"), headline);
        assertTrue(headline.contains("RWLOCK_HASHMAP-r50-s100-UNIFORM-t1 0.9"), headline);
        assertTrue(!headline.contains("CONCURRENT_HASHMAP"), "the unchanged strategy is not named: " + headline);
        assertTrue(text.contains("RWLOCK_HASHMAP-r100-s100-UNIFORM-t1  score (ops/us)"), "its row is shown: " + text);
    }

    @Test
    void anUnknownStepDoublesItsForksUntilItDecides() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 6, 0.8);
        machine.scatter(range.all().get(4), 0.12); // the first midpoint: forks too scattered for 6 a side
        BisectResult result = bisect(machine, range);
        BisectResult.Step first = result.steps().get(0);
        assertEquals(4, first.index());
        assertTrue(first.attempts().size() >= 2, first.attempts().toString());
        List<Integer> forks = first.attempts().stream().map(BisectResult.Attempt::forks).toList();
        assertEquals(List.of(6, 12, 24).subList(0, forks.size()), forks, "6 -> 12 -> 24");
        first.attempts().subList(0, forks.size() - 1).forEach(a -> assertEquals(StepAnswer.UNKNOWN, a.answer()));
        assertEquals(State.GOOD, first.state(), first.decided().cells().toString());
        assertTrue(machine.measurements.contains("step-01-" + range.all().get(4).shortHash() + " 7..12"),
                "later rounds add to the first: " + machine.measurements);
        assertEquals(range.all().get(6), result.culprit());
    }

    @Test
    void aStepUnknownAtTheCapSaysUndecidedInsteadOfGuessing() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 5, 0.8);
        machine.scatter(range.all().get(4), 0.8); // the commit just before the culprit never decides
        BisectResult result = bisect(machine, range);
        BisectResult.Step first = result.steps().get(0);
        assertEquals(State.UNDECIDED, first.state());
        assertEquals(List.of(6, 12, 24), first.attempts().stream().map(BisectResult.Attempt::forks).toList());
        assertEquals(Outcome.UNDECIDED, result.outcome());
        assertEquals(BisectResult.NOT_CERTAIN, result.exitCode());
        assertEquals("undecided between " + range.all().get(3).hash() + " and " + range.all().get(5).hash(),
                result.lastLine());
        assertTrue(result.notCertain().get(0).contains("stayed unknown at 24 forks a side"), result.notCertain().toString());
    }

    @Test
    void aCommitThatDoesNotBuildIsSkippedAndNamedAndTheCulpritAfterItIsNotCertain() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(slowFrom(machine(range.all().get(4)), range, 5, 0.5), range);
        BisectResult.Step skipped = result.steps().get(0);
        assertEquals(State.SKIPPED, skipped.state());
        assertTrue(skipped.buildFailure().contains("cannot find symbol"));
        assertEquals(Outcome.FOUND, result.outcome());
        assertEquals(range.all().get(5), result.culprit());
        assertEquals(BisectResult.NOT_CERTAIN, result.exitCode());
        assertTrue(result.notCertain().get(0).startsWith(range.all().get(4).shortHash() + " \"commit 4\" does not build"),
                result.notCertain().toString());
        assertEquals("first bad commit: " + range.all().get(5).hash(), result.lastLine());
        assertTrue(BisectRender.text(result).contains("skipped, does not build: mvn process-classes exit 1"));
    }

    @Test
    void aSkippedCommitAwayFromTheCulpritLeavesItCertain() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(slowFrom(machine(range.all().get(4)), range, 7, 0.5), range);
        assertEquals(State.SKIPPED, result.steps().get(0).state());
        assertEquals(5, result.steps().get(1).index(), "the next step takes the skipped commit's neighbour");
        assertEquals(range.all().get(7), result.culprit());
        assertEquals(BisectResult.FOUND, result.exitCode(), result.notCertain().toString());
    }

    @Test
    void theBadEndItselfIsTheCulpritWhenEveryCommitBeforeItIsGood() throws Exception {
        CommitRange range = range(8);
        BisectResult result = bisect(slowFrom(machine(), range, 8, 0.5), range);
        assertEquals(range.bad(), result.culprit());
        assertEquals(BisectResult.FOUND, result.exitCode());
        assertEquals("the ends' A/B", result.effect().get(0).where());
    }

    @Test
    void aRegressionInTwoPartsNamesTheFirstAndIsNotCertain() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 3, 0.8);
        slowFrom(machine, range, 6, 0.5);
        BisectResult result = bisect(machine, range);
        assertEquals(range.all().get(3), result.culprit());
        assertEquals(BisectResult.NOT_CERTAIN, result.exitCode());
        assertTrue(result.notCertain().stream().anyMatch(reason -> reason.contains("carries only part of the regression")),
                result.notCertain().toString());
    }

    @Test
    void aRulerThatMovesInAStepStopsTheBisectionWithExitThree() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 5, 0.5);
        machine.rulerShift(range.all().get(4), 0.7);
        BisectResult result = bisect(machine, range);
        assertEquals(Outcome.MACHINE_UNSTABLE, result.outcome());
        assertEquals(BisectResult.UNSTABLE, result.exitCode());
        assertEquals(1, result.steps().size(), "stopped at the step whose ruler moved");
        assertEquals(24, result.steps().get(0).attempts().get(result.steps().get(0).attempts().size() - 1).forks(),
                "not on 6 forks a side: moved still at the cap");
        assertEquals("undecided between " + range.good().hash() + " and " + range.bad().hash(), result.lastLine());
        assertTrue(BisectRender.text(result).contains("ruler UNSTABLE: good/midpoint"), BisectRender.text(result));
    }

    @Test
    void aRulerOffOnlyInAStepsFirstForksDoublesThemAndTheBisectionGoesOn() throws Exception {
        CommitRange range = range(8);
        SimulatedMachine machine = slowFrom(machine(), range, 5, 0.5);
        machine.rulerShift(range.all().get(4), 0.7, 6);
        BisectResult result = bisect(machine, range);
        assertEquals(range.all().get(5), result.culprit(), BisectRender.text(result));
        BisectResult.Step first = result.steps().get(0);
        assertEquals(4, first.index());
        assertTrue(first.attempts().get(0).unstable(), "the first 6 forks showed the ruler moved");
        assertTrue(first.attempts().size() > 1 && !first.attempts().get(first.attempts().size() - 1).unstable(),
                "doubled, and no longer shown moved once the forks doubled");
    }

    @Test
    void aStepDecidesAtTheGatesAlphaSplitOverTheStepsAndForkLevelsItsRangeMayTake() throws Exception {
        // 8 commits: 3 steps, each with up to 3 looks (6, 12, 24 forks a side)
        assertEquals(0.05 / 9, settings().stepDecision(8).gate().alpha(), 1e-12);
        assertEquals(0.05 / 3, settings().stepDecision(2).gate().alpha(), 1e-12);
        assertEquals(0.05 / 12, settings().stepDecision(9).gate().alpha(), 1e-12);
        assertTrue(BisectRender.method(bisect(slowFrom(machine(), range(8), 5, 0.5), range(8)))
                .contains("at 0.0056 (the gate's 0.05 split over the 3 steps and 3 fork levels"));
    }

    @Test
    void anEndThatDoesNotBuildIsBadInput() {
        CommitRange range = range(4);
        BadInputException e = assertThrows(BadInputException.class, () -> bisect(machine(range.good()), range));
        assertTrue(e.getMessage().contains("the good end does not build"), e.getMessage());
    }

    @Test
    void aRangeOfOneCommitNeedsNoStep() throws Exception {
        CommitRange range = range(1);
        BisectResult result = bisect(slowFrom(machine(), range, 1, 0.5), range);
        assertTrue(result.steps().isEmpty());
        assertEquals(range.bad(), result.culprit());
        assertEquals(BisectResult.FOUND, result.exitCode());
    }
}
