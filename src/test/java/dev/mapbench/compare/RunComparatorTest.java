package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.CellComparison.Verdict;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.StrategySummary;
import dev.mapbench.report.text.ComparisonMarkdown;
import dev.mapbench.report.text.ComparisonText;
import dev.mapbench.stats.BenjaminiHochberg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gate's decisions on synthetic per-fork samples. */
class RunComparatorTest {

    private static final double[] STEADY = {100.0, 101.0, 99.0, 100.5, 99.5, 100.2};
    private final RunComparator comparator = new RunComparator(GateSettings.defaults());

    private static CellSample sample(String cell, String strategy, String unit, int threads, double... forks) {
        return new CellSample(cell, strategy, CellSample.PRIMARY, unit, threads, forks);
    }

    private static CellSample bytes(String cell, String strategy, double... forks) {
        return new CellSample(cell, strategy, "gc.alloc.rate.norm", "B/op", 1, forks);
    }

    private static double[] scaled(double[] values, double factor) {
        return java.util.Arrays.stream(values).map(v -> v * factor).toArray();
    }

    private static RunSide side(List<CellSample> samples) {
        return new RunSide("test", samples, Map.of(), 8, false);
    }

    private CellComparison compareOne(CellSample base, CellSample cand) {
        Comparison comparison = comparator.compare(side(List.of(base)), side(List.of(cand)));
        assertEquals(1, comparison.cells().size());
        return comparison.cells().get(0);
    }

    @Test
    void lowerThroughputIsARegression() {
        CellComparison cell = compareOne(sample("a", "S", "ops/us", 1, STEADY),
                sample("a", "S", "ops/us", 1, scaled(STEADY, 0.7)));
        assertEquals(Verdict.REGRESSION, cell.verdict());
        assertEquals(-30.0, cell.changePercent(), 0.5);
        assertNull(cell.notGatedReason());
    }

    @Test
    void lowerTimePerOperationIsAnImprovementNotARegression() {
        CellComparison cell = compareOne(sample("a", "S", "ns/op", 1, STEADY),
                sample("a", "S", "ns/op", 1, scaled(STEADY, 0.7)));
        assertEquals(Verdict.BETTER, cell.verdict());
    }

    @Test
    void higherTimePerOperationIsARegression() {
        CellComparison cell = compareOne(sample("a", "S", "us/op", 1, STEADY),
                sample("a", "S", "us/op", 1, scaled(STEADY, 1.3)));
        assertEquals(Verdict.REGRESSION, cell.verdict());
    }

    @Test
    void significantChangeBelowTheMinimumEffectIsWorseButPasses() {
        Comparison comparison = comparator.compare(side(List.of(sample("a", "S", "ops/us", 1, STEADY))),
                side(List.of(sample("a", "S", "ops/us", 1, scaled(STEADY, 0.95)))));
        assertEquals(Verdict.WORSE, comparison.cells().get(0).verdict());
        assertFalse(comparison.hasRegression());
    }

    @Test
    void overlappingForksPrintAsTilde() {
        CellComparison cell = compareOne(sample("a", "S", "ops/us", 1, STEADY),
                sample("a", "S", "ops/us", 1, 100.1, 99.2, 101.2, 100.4, 99.8, 100.0));
        assertEquals(Verdict.NO_CHANGE, cell.verdict());
        assertEquals("~", cell.verdictText());
        assertTrue(cell.pValue() > 0.05);
    }

    @Test
    void benjaminiHochbergAdjustsAsPublished() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN});
        assertEquals(0.02, q[0], 1e-12);
        assertEquals(0.04, q[1], 1e-12);
        assertEquals(0.04, q[2], 1e-12);
        assertEquals(0.02, q[3], 1e-12);
        assertTrue(Double.isNaN(q[4]));
    }

    @Test
    void aLoneBorderlineChangeAmongManyUnchangedCellsIsNotSignificant() {
        // 4+4 forks, completely separated: exact raw p = 0.029, but 40 tests.
        double[] base4 = {100, 101, 99, 100.5};
        List<CellSample> baseline = new ArrayList<>();
        List<CellSample> candidate = new ArrayList<>();
        baseline.add(sample("slowed", "S", "ops/us", 1, base4));
        candidate.add(sample("slowed", "S", "ops/us", 1, scaled(base4, 0.8)));
        Random random = new Random(42);
        for (int i = 0; i < 39; i++) {
            baseline.add(sample("cell" + i, "S", "ops/us", 1, noisy(random)));
            candidate.add(sample("cell" + i, "S", "ops/us", 1, noisy(random)));
        }
        Comparison comparison = comparator.compare(side(baseline), side(candidate));
        CellComparison slowed = comparison.cells().get(0);
        assertTrue(slowed.pValue() < 0.05, "unadjusted p would have flagged it: " + slowed.pValue());
        assertTrue(slowed.qValue() > 0.05, "BH across 40 cells must not: " + slowed.qValue());
        assertEquals(Verdict.NO_CHANGE, slowed.verdict());
        assertEquals(40, comparison.testedCount());
        assertTrue(comparison.methodStatement().contains("Benjamini-Hochberg"));
    }

    private static double[] noisy(Random random) {
        double[] values = new double[4];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + random.nextGaussian();
        }
        return values;
    }

    @Test
    void bytesPerOpWithinToleranceIsUnchanged() {
        assertEquals(Verdict.NO_CHANGE, compareOne(bytes("a", "S", 10, 10, 10),
                bytes("a", "S", 10.9, 10.9, 10.9)).verdict()); // +0.9 B < 1 B
        assertEquals(Verdict.NO_CHANGE, compareOne(bytes("a", "S", 1000, 1000, 1000),
                bytes("a", "S", 1015, 1015, 1015)).verdict()); // +1.5 % < 2 %
    }

    @Test
    void anyBytesPerOpIncreaseAboveToleranceIsARegression() {
        assertEquals(Verdict.REGRESSION, compareOne(bytes("a", "S", 0, 0, 0),
                bytes("a", "S", 16, 16, 16)).verdict());
        assertEquals(Verdict.REGRESSION, compareOne(bytes("a", "S", 1000, 1000, 1000),
                bytes("a", "S", 1030, 1030, 1030)).verdict()); // +3 % > 2 %, no minimum effect of 10 %
        assertEquals(Verdict.BETTER, compareOne(bytes("a", "S", 1000, 1000, 1000),
                bytes("a", "S", 500, 500, 500)).verdict());
    }

    @Test
    void bytesPerOpUnderContentionIsReportedButNotGated() {
        CellSample base = new CellSample("a", "S", "gc.alloc.rate.norm", "B/op", 2, new double[] {216, 216, 217});
        CellSample cand = new CellSample("a", "S", "gc.alloc.rate.norm", "B/op", 2, new double[] {405, 400, 410});
        CellComparison cell = compareOne(base, cand);
        assertEquals(Verdict.WORSE, cell.verdict());
        assertTrue(cell.notGatedReason().startsWith("bytes per op at 2 threads depends on contention"),
                cell.notGatedReason());
    }

    @Test
    void bytesPerOpFromTooFewForksIsReportedButNotGated() {
        CellComparison cell = compareOne(bytes("a", "S", 0), bytes("a", "S", 16));
        assertEquals(Verdict.WORSE, cell.verdict());
        assertTrue(cell.notGatedReason().startsWith("too few forks for bytes per op"), cell.notGatedReason());
    }

    @Test
    void oversubscribedCellsAreReportedButNeverGated() {
        CellComparison cell = compareOne(sample("a", "S", "ops/us", 16, STEADY),
                sample("a", "S", "ops/us", 16, scaled(STEADY, 0.5)));
        assertEquals(Verdict.WORSE, cell.verdict());
        assertEquals("oversubscribed: 16 threads > 8 cores", cell.notGatedReason());
    }

    @Test
    void cellsWithTooFewForksAreUntestedAndSaySo() {
        CellComparison cell = compareOne(sample("a", "S", "ops/us", 1, 100, 101, 99),
                sample("a", "S", "ops/us", 1, 50, 51, 49));
        assertEquals(Verdict.UNTESTED, cell.verdict());
        assertTrue(cell.notGatedReason().startsWith("too few forks to test: 3+3"), cell.notGatedReason());
        assertEquals(0.1, RunComparator.smallestTwoSidedP(3, 3), 1e-12);
        assertEquals(2.0 / 70, RunComparator.smallestTwoSidedP(4, 4), 1e-12);
    }

    @Test
    void summaryIsTheGeometricMeanOfSpeedRatiosPerStrategy() {
        Comparison comparison = comparator.compare(
                side(List.of(sample("a", "FAST", "ops/us", 1, STEADY), sample("b", "FAST", "ns/op", 1, STEADY),
                        sample("c", "OTHER", "ops/us", 1, STEADY))),
                side(List.of(sample("a", "FAST", "ops/us", 1, scaled(STEADY, 2.0)),
                        sample("b", "FAST", "ns/op", 1, scaled(STEADY, 2.0)),
                        sample("c", "OTHER", "ops/us", 1, scaled(STEADY, 0.5)))));
        StrategySummary fast = comparison.strategies().get(0);
        assertEquals("FAST", fast.strategy());
        assertEquals(1.0, fast.geometricMeanRatio(), 1e-9); // twice the throughput, twice the time per op
        StrategySummary other = comparison.strategies().get(1);
        assertEquals(0.5, other.geometricMeanRatio(), 1e-9);
        assertEquals(1, other.regressions());
    }

    @Test
    void differentEnvironmentsAreFlagged() {
        RunSide base = new RunSide("b", List.of(), Map.of("cpuModel", "Xeon", "gc", "G1"), 2, false);
        RunSide cand = new RunSide("c", List.of(), Map.of("cpuModel", "EPYC", "gc", "G1"), 2, false);
        Comparison comparison = comparator.compare(base, cand);
        assertEquals(List.of("cpuModel: baseline Xeon vs candidate EPYC"), comparison.environmentWarnings());
        assertTrue(ComparisonText.render(comparison).contains("DIFFERENT ENVIRONMENTS"));
    }

    @Test
    void cellsOnOneSideOnlyAreListed() {
        Comparison comparison = comparator.compare(side(List.of(sample("gone", "S", "ops/us", 1, STEADY))),
                side(List.of(sample("new", "S", "ops/us", 1, STEADY))));
        assertEquals(List.of("gone"), comparison.onlyInBaseline());
        assertEquals(List.of("new"), comparison.onlyInCandidate());
        assertFalse(comparison.hasRegression());
    }

    @Test
    void textNamesTheRegressedCellsAndTheirStrategy() {
        Comparison comparison = comparator.compare(
                side(List.of(sample("w strategy=COPY_ON_WRITE", "COPY_ON_WRITE", "ops/us", 1, STEADY))),
                side(List.of(sample("w strategy=COPY_ON_WRITE", "COPY_ON_WRITE", "ops/us", 1, scaled(STEADY, 0.7)))));
        String text = ComparisonText.render(comparison);
        assertTrue(text.contains("RESULT: REGRESSION in 1 cell metric"), text);
        assertTrue(text.contains("REGRESSION COPY_ON_WRITE: w strategy=COPY_ON_WRITE"), text);
        String markdown = ComparisonMarkdown.render(comparison);
        assertTrue(markdown.contains("**REGRESSION**"), markdown);
    }
}
