package dev.mapbench.report.model;

import dev.mapbench.results.ResultSet;
import dev.mapbench.stats.MedianInterval;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.WorkloadId;
import java.util.List;
import java.util.Map;

/** Model records built by hand, with no analysis and no input file, for the formats' tests. */
public final class InMemoryModels {

    /** The workload every verdict below is for. */
    public static final WorkloadId WORKLOAD = new WorkloadId(95, 10_000, "ZIPFIAN", 2);

    private InMemoryModels() {
    }

    /** Inputs without a cell, judged against two cores. */
    public static RunInputs noCells() {
        ResultSet none = new ResultSet(List.of(), List.of(), Map.of(), List.of(), List.of());
        return new RunInputs(none, new CoreCount(none, 2), List.of());
    }

    /** One workload: CONCURRENT_HASHMAP best at 1,234.5 ops/us, SYNCHRONIZED_MAP slower at 0.3×. */
    public static VerdictTable oneWorkload() {
        StrategyVerdict best = new StrategyVerdict("CONCURRENT_HASHMAP", VerdictStatus.BEST, 1, 1, 1, 6, 1234.5, "ops/us", 0,
                "best by estimate");
        StrategyVerdict slower = new StrategyVerdict("SYNCHRONIZED_MAP", VerdictStatus.SLOWER, 0.3, 0.25, 0.36, 6, 370,
                "ops/us", 0, "shown slower");
        return new VerdictTable(List.of(new WorkloadVerdict(WORKLOAD, false, new Ranking(List.of(best, slower)))),
                VerdictSettings.defaults().withMargin(0.025), "decided in memory", ForkProvenance.none(),
                StrategyOrigins.none());
    }

    /** A comparison of one cell whose median moved from 1,234.5 to 2,000 ops/us, untested (one fork a side). */
    public static Comparison oneCell() {
        CellSample baseline = new CellSample("Bench.op threads=1", "S", CellSample.PRIMARY, "ops/us", 1, new double[] {1234.5});
        CellSample candidate = new CellSample("Bench.op threads=1", "S", CellSample.PRIMARY, "ops/us", 1, new double[] {2000});
        CellComparison cell = new CellComparison(baseline, candidate, MetricDirection.HIGHER_IS_BETTER,
                MedianInterval.of(new double[] {1234.5}), MedianInterval.of(new double[] {2000}), 62.0, Double.NaN,
                Double.NaN, CellComparison.Verdict.UNTESTED, "too few forks to test");
        return new Comparison("base", "cand", GateSettings.defaults(), List.of(), List.of(), List.of(cell),
                List.of(new StrategySummary("S", 1, 1.62, 0, 0)), List.of(), List.of(), 0);
    }

    /** An A/B of {@link #oneCell()} that passed. */
    public static AbReport passedAb() {
        Comparison comparison = oneCell();
        return new AbReport("main", "feature <b>", AbReport.Status.NO_REGRESSION, "RESULT: no regression (1 cell)",
                List.of(), List.of("baseline:  main (0123)", "candidate: feature (4567)"), List.of(), comparison,
                Map.of("Bench.op threads=1 | score", "untested"), List.of(), "decided in memory");
    }
}
