package dev.mapbench.ab.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.compare.RunSide;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.CellSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three-way answer on synthetic fork values: good, midpoint and bad, one regressed cell and the ruler. */
class StepDecisionTest {

    private static final double[] JITTER = {0.97, 1.01, 0.99, 1.03, 1.00, 0.98};
    private static final String CELL = "MapWorkloadBenchmark.operation thrpt RWLOCK_HASHMAP-r100";
    private static final String OTHER = "MapWorkloadBenchmark.operation thrpt RWLOCK_HASHMAP-r50";
    private static final List<String> KEYS = List.of(CELL + " | score");

    /** A tree whose RWLOCK cells run at {@code speed} (and {@code otherSpeed}), forks scattered by {@code scatter}. */
    private static RunSide tree(double speed, double otherSpeed, double scatter, int shift) {
        List<CellSample> samples = new ArrayList<>();
        samples.add(sample(CELL, "RWLOCK_HASHMAP", 100 * speed, scatter, shift));
        samples.add(sample(OTHER, "RWLOCK_HASHMAP", 70 * otherSpeed, scatter, shift + 1));
        samples.add(sample("CalibrationBenchmark.get thrpt CALIBRATION", "CalibrationBenchmark", 900, 1, shift + 2));
        samples.add(sample("CalibrationBenchmark.get thrpt CALIBRATION_CHM", "CalibrationBenchmark", 800, 1, shift + 3));
        return new RunSide("tree", samples, Map.of(), 2, false);
    }

    private static CellSample sample(String label, String strategy, double value, double scatter, int shift) {
        double[] forks = new double[JITTER.length];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = value * Math.pow(JITTER[(i + shift) % JITTER.length], scatter);
        }
        return new CellSample(label, strategy, CellSample.PRIMARY, "ops/us", 1, forks);
    }

    private static StepDecision.Decided decide(RunSide good, RunSide mid, RunSide bad, List<String> keys) {
        AbDecision.Settings settings = AbDecision.Settings.defaults();
        return StepDecision.decide(pair(good, mid), pair(mid, bad), pair(good, bad), keys,
                Map.of(CELL, "RWLOCK_HASHMAP-r100-s100-UNIFORM-t1", OTHER, "RWLOCK_HASHMAP-r50-s100-UNIFORM-t1"),
                settings);
    }

    private static AbDecision.Result pair(RunSide baseline, RunSide candidate) {
        return AbDecision.decide(List.of(new AbDecision.Shard("pair", baseline, candidate, true)),
                AbDecision.Settings.defaults());
    }

    @Test
    void eachCellIsTestedOnItsOwnPValueNotInTheComparisonsFamilyOfRulersAndOtherCells() {
        // a step's alpha for 8 commits; bad wholly below a scattered midpoint: exact p 0.0022 on 6 forks a side,
        // which the comparison's Benjamini-Hochberg over 4 cells (the decided one, another, two rulers) makes 0.0087
        AbDecision.Settings step = AbDecision.Settings.of(0.05 / 9, 10, 10, null);
        RunSide good = tree(1, 1, 1, 0);
        RunSide mid = tree(1, 1, 4, 2);
        RunSide bad = tree(0.7, 1, 1, 4);
        AbDecision.Result midToBad = AbDecision.decide(List.of(new AbDecision.Shard("pair", mid, bad, true)), step);
        assertEquals(CellComparison.Verdict.NO_CHANGE, midToBad.comparison().cells().stream()
                .filter(cell -> cell.cell().equals(CELL)).findFirst().orElseThrow().verdict(), "in the family: not shown");
        StepDecision.Decided decided = StepDecision.decide(
                AbDecision.decide(List.of(new AbDecision.Shard("pair", good, mid, true)), step), midToBad,
                AbDecision.decide(List.of(new AbDecision.Shard("pair", good, bad, true)), step), KEYS,
                Map.of(CELL, "RWLOCK_HASHMAP-r100-s100-UNIFORM-t1"), step);
        assertEquals(StepAnswer.SAME_AS_GOOD, decided.answer(), decided.cells().toString());
        assertTrue(decided.cells().get(0).reason().startsWith("not slower than good, and bad shows the regression"),
                decided.cells().get(0).reason());
    }

    @Test
    void aMidpointLikeGoodIsSameAsGoodByEquivalence() {
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), tree(1, 1, 1, 2), tree(0.5, 1, 1, 4), KEYS);
        assertEquals(StepAnswer.SAME_AS_GOOD, decided.answer());
        assertTrue(decided.cells().get(0).reason().startsWith("equivalent to good within ±10 %: midpoint/good 1.0"),
                decided.cells().get(0).reason());
    }

    @Test
    void aMidpointLikeBadIsSameAsBadAndNotPartial() {
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), tree(0.5, 1, 1, 2), tree(0.5, 1, 1, 4), KEYS);
        assertEquals(StepAnswer.SAME_AS_BAD, decided.answer());
        assertFalse(decided.partial());
        assertEquals(0.5, decided.cells().get(0).midVsGood().ratio(), 0.02);
    }

    @Test
    void aMidpointHalfWayIsSameAsBadButPartial() {
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), tree(0.75, 1, 1, 2), tree(0.5, 1, 1, 4), KEYS);
        assertEquals(StepAnswer.SAME_AS_BAD, decided.answer());
        assertTrue(decided.partial(), decided.cells().toString());
    }

    @Test
    void aMidpointWhoseForksScatterIsUnknown() {
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), tree(0.9, 1, 12, 2), tree(0.8, 1, 1, 4), KEYS);
        assertEquals(StepAnswer.UNKNOWN, decided.answer(), decided.cells().toString());
        assertTrue(decided.cells().get(0).reason().startsWith("neither the regression against good nor equivalence"));
    }

    @Test
    void cellsThatDisagreeMakeTheStepSameAsBadAndSayTheyDisagree() {
        List<String> both = List.of(CELL + " | score", OTHER + " | score");
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), tree(0.5, 1, 1, 2), tree(0.5, 0.5, 1, 4), both);
        assertEquals(StepAnswer.SAME_AS_BAD, decided.answer());
        assertTrue(decided.cellsDisagree());
        assertEquals(List.of(StepAnswer.SAME_AS_BAD, StepAnswer.SAME_AS_GOOD),
                decided.cells().stream().map(StepDecision.CellAnswer::answer).toList());
    }

    @Test
    void aRulerThatMovedOnTheMidpointAnswersNothing() {
        RunSide mid = tree(1, 1, 1, 2);
        List<CellSample> moved = new ArrayList<>();
        for (CellSample sample : mid.samples()) {
            double[] values = sample.forkValues();
            if (sample.cell().startsWith("CalibrationBenchmark.")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] *= 0.7;
                }
            }
            moved.add(new CellSample(sample.cell(), sample.strategy(), sample.metric(), sample.unit(), 1, values));
        }
        StepDecision.Decided decided = decide(tree(1, 1, 1, 0), new RunSide("moved", moved, Map.of(), 2, false),
                tree(0.5, 1, 1, 4), KEYS);
        assertTrue(decided.unstable());
        assertEquals(StepAnswer.UNKNOWN, decided.answer());
        assertTrue(decided.rulerNotes().get(0).startsWith("good/midpoint: CalibrationBenchmark.get"), decided.rulerNotes().toString());
    }
}
