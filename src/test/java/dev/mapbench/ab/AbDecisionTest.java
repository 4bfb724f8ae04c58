package dev.mapbench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.compare.RunSide;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.RulerCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The A/B's decision on synthetic fork samples: exit codes 0, 1 and 3, equivalence and the ruler. */
class AbDecisionTest {

    private static final List<String> STRATEGIES = List.of("CONCURRENT_HASHMAP", "COPY_ON_WRITE", "RWLOCK_HASHMAP");
    /** Six forks with the kind of spread a short fork has (about ±3 %). */
    private static final double[] JITTER = {0.97, 1.01, 0.99, 1.03, 1.00, 0.98};
    private static final double[] OTHER_JITTER = {1.02, 0.98, 1.00, 0.99, 1.03, 0.97};

    @Test
    void identicalSidesExitZeroAndShowQuietCellsEquivalent() {
        AbDecision.Result result = decide(side(1.0, 1.0, JITTER), side(1.0, 1.0, OTHER_JITTER), true);
        assertEquals(AbDecision.NO_REGRESSION, result.exitCode(), result.outcome());
        assertTrue(result.outcome().startsWith("RESULT: no regression (6 cells, 6 shown equivalent within ±10 %"),
                result.outcome());
        CellComparison cell = workload(result, "COPY_ON_WRITE");
        assertTrue(result.statement(cell).startsWith("equivalent within ±10 %, speed ratio 1.00"), result.statement(cell));
        assertTrue(result.ruler().stream().noneMatch(RulerCheck::unstable));
        assertEquals(2, result.ruler().size());
    }

    @Test
    void aPlantedSlowdownOfOneStrategyRegressesOnlyThatStrategy() {
        AbDecision.Result result = decide(side(1.0, 1.0, JITTER), side(0.80, 1.0, OTHER_JITTER), true);
        assertEquals(AbDecision.REGRESSION, result.exitCode(), result.outcome());
        assertFalse(result.regressions().isEmpty());
        assertTrue(result.regressions().stream().allMatch(cell -> cell.strategy().equals("COPY_ON_WRITE")),
                result.regressions().toString());
        assertEquals(2, result.regressions().size()); // COPY_ON_WRITE at 1 and 2 threads
        assertTrue(result.statement(result.regressions().get(0)).startsWith("REGRESSION, speed ratio 0.80"));
        dev.mapbench.stats.RatioInterval ratio = result.speedRatio(result.regressions().get(0));
        assertEquals(0.80, ratio.ratio(), 0.02, "the interval the statement rests on");
        assertTrue(ratio.below1() && ratio.confidence() == 0.95, ratio.toString());
        assertTrue(result.statement(workload(result, "RWLOCK_HASHMAP")).startsWith("equivalent"));
    }

    @Test
    void aRulerThatMovedBetweenTheSidesMeansTheMachineWasUnstableAndNothingIsGated() {
        // Every cell, ruler included, 25 % slower on the candidate side: the machine changed, not the code.
        AbDecision.Result result = decide(side(1.0, 1.0, JITTER), side(0.75, 0.75, OTHER_JITTER), true);
        assertEquals(AbDecision.UNSTABLE, result.exitCode(), result.outcome());
        assertTrue(result.outcome().startsWith("RESULT: MACHINE UNSTABLE"), result.outcome());
        assertTrue(result.regressions().isEmpty(), "nothing gated on an unstable machine");
        assertFalse(result.untrustedRegressions().isEmpty(), "the apparent regressions are still listed");
        assertTrue(result.ruler().stream().allMatch(RulerCheck::unstable));
        assertTrue(result.statement(workload(result, "COPY_ON_WRITE")).contains("not gated: the machine was unstable"));
    }

    @Test
    void aRulerWithinNoiseDoesNotStopTheGate() {
        // The ruler 3 % slower, within the 5 % tolerance and below the minimum effect.
        AbDecision.Result result = decide(side(1.0, 1.0, JITTER), side(0.80, 0.97, OTHER_JITTER), true);
        assertEquals(AbDecision.REGRESSION, result.exitCode(), result.outcome());
        assertTrue(result.ruler().stream().noneMatch(RulerCheck::unstable), result.ruler().toString());
    }

    @Test
    void aRulerWhoseCodeChangedBetweenTheRefsIsReportedNotUsed() {
        AbDecision.Result result = decide(side(1.0, 1.0, JITTER), side(1.0, 0.70, OTHER_JITTER), false);
        assertEquals(AbDecision.NO_REGRESSION, result.exitCode(), result.outcome());
        assertEquals(List.of("1/1"), result.rulerNotComparable());
        assertTrue(result.ruler().get(0).reason().contains("not used: the calibration code differs"));
    }

    @Test
    void anUnstableShardStopsTheGateAndNamesItsMachine() {
        AbDecision.Shard quiet = new AbDecision.Shard("1/2", side(1.0, 1.0, JITTER), side(1.0, 1.0, OTHER_JITTER), true);
        AbDecision.Shard noisy = new AbDecision.Shard("2/2", side(1.0, 1.0, JITTER), side(0.7, 0.7, OTHER_JITTER), true);
        AbDecision.Result result = AbDecision.decide(List.of(quiet, noisy), AbDecision.Settings.defaults());
        assertEquals(List.of("2/2"), result.unstableShards());
        assertEquals(AbDecision.UNSTABLE, result.exitCode());
        assertTrue(result.outcome().contains("on 2/2"), result.outcome());
        assertEquals(4, result.ruler().size(), "each shard reads its own ruler");
        assertTrue(result.comparison().cells().stream().anyMatch(c -> c.cell().endsWith("[shard 2/2]")));
    }

    private static CellComparison workload(AbDecision.Result result, String strategy) {
        return result.comparison().cells().stream().filter(c -> c.strategy().equals(strategy))
                .filter(c -> c.baseline().primary()).findFirst().orElseThrow();
    }

    private static AbDecision.Result decide(RunSide baseline, RunSide candidate, boolean rulerComparable) {
        return AbDecision.decide(List.of(new AbDecision.Shard("1/1", baseline, candidate, rulerComparable)),
                AbDecision.Settings.defaults());
    }

    /**
     * Both calibration cells and three strategies at 1 and 2 threads, scores around 300 ops/us; COPY_ON_WRITE
     * scaled by {@code cowFactor}, the calibration cells by {@code rulerFactor}.
     */
    private static RunSide side(double cowFactor, double rulerFactor, double[] jitter) {
        List<CellSample> samples = new ArrayList<>();
        for (String ruler : List.of("hashMapGet", "concurrentHashMapGet")) {
            samples.add(sample("CalibrationBenchmark." + ruler + " thrpt size=100 keyDistribution=UNIFORM threads=1",
                    "CalibrationBenchmark." + ruler, 1, 500 * rulerFactor, jitter));
        }
        for (int threads = 1; threads <= 2; threads++) {
            for (String strategy : STRATEGIES) {
                double factor = strategy.equals("COPY_ON_WRITE") ? cowFactor : 1.0;
                samples.add(sample("MapWorkloadBenchmark.operation thrpt strategy=" + strategy + " readPercent=95 "
                        + "size=100 keyDistribution=UNIFORM threads=" + threads, strategy, threads, 300 * factor, jitter));
            }
        }
        return new RunSide("side", samples, Map.of("cpuModel", "Test CPU"), 2, false);
    }

    private static CellSample sample(String cell, String strategy, int threads, double center, double[] jitter) {
        double[] forks = new double[jitter.length];
        for (int i = 0; i < forks.length; i++) {
            forks[i] = center * jitter[i];
        }
        return new CellSample(cell, strategy, CellSample.PRIMARY, "ops/us", threads, forks, "env1", "Test CPU, JVM 17");
    }
}
