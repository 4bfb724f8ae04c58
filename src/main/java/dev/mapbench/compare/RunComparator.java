package dev.mapbench.compare;

import dev.mapbench.report.model.CellComparison.Verdict;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.MetricDirection;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.StrategySummary;
import dev.mapbench.results.Machine;
import dev.mapbench.stats.BenjaminiHochberg;
import dev.mapbench.stats.MedianInterval;
import dev.mapbench.stats.RankTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a candidate run with a baseline cell by cell and decides the regression gate. The
 * method is stated in {@link Comparison#methodStatement()}.
 */
public final class RunComparator {

    private final GateSettings settings;

    /** A comparator with the given thresholds. */
    public RunComparator(GateSettings settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    /** Compares every cell present on both sides and decides each one's verdict. */
    public Comparison compare(RunSide baseline, RunSide candidate) {
        Map<String, CellSample> candidateByKey = candidate.samples().stream()
                .collect(Collectors.toMap(CellSample::key, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        List<CellSample[]> pairs = new ArrayList<>();
        Set<String> onlyInBaseline = new LinkedHashSet<>();
        for (CellSample base : baseline.samples()) {
            CellSample cand = candidateByKey.get(base.key());
            if (cand == null) {
                onlyInBaseline.add(base.cell());
            } else {
                pairs.add(new CellSample[] {base, cand});
            }
        }
        Set<String> baselineKeys = baseline.samples().stream().map(CellSample::key).collect(Collectors.toSet());
        Set<String> onlyInCandidate = candidate.samples().stream().filter(s -> !baselineKeys.contains(s.key()))
                .map(CellSample::cell).collect(Collectors.toCollection(LinkedHashSet::new));

        double[] pValues = new double[pairs.size()];
        String[] notGated = new String[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            CellSample base = pairs.get(i)[0];
            CellSample cand = pairs.get(i)[1];
            notGated[i] = notGatedReason(base, baseline.cores(), cand, candidate.cores());
            pValues[i] = testable(base, cand) ? RankTest.twoSidedP(base.forkValues(), cand.forkValues()) : Double.NaN;
        }
        double[] qValues = BenjaminiHochberg.adjust(pValues);
        List<CellComparison> cells = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            cells.add(decide(pairs.get(i)[0], pairs.get(i)[1], pValues[i], qValues[i], notGated[i]));
        }
        int tested = (int) java.util.Arrays.stream(pValues).filter(p -> !Double.isNaN(p)).count();
        return new Comparison(baseline.label(), candidate.label(), settings,
                environmentWarnings(baseline, candidate), notes(baseline, candidate), cells,
                summarize(cells), List.copyOf(onlyInBaseline), List.copyOf(onlyInCandidate), tested);
    }

    /** Whether a Mann–Whitney test of throughput or time can reach significance at all. */
    private boolean testable(CellSample base, CellSample cand) {
        MetricDirection direction = MetricDirection.fromUnit(base.unit());
        if (direction != MetricDirection.HIGHER_IS_BETTER && direction != MetricDirection.LOWER_IS_BETTER) {
            return false;
        }
        return allFinite(base.forkValues()) && allFinite(cand.forkValues())
                && smallestTwoSidedP(base.forkValues().length, cand.forkValues().length) <= settings.alpha();
    }

    /** The smallest two-sided p an exact Mann–Whitney test can give for n1 and n2 values. */
    static double smallestTwoSidedP(int n1, int n2) {
        return RankTest.smallestTwoSidedP(n1, n2);
    }

    private String notGatedReason(CellSample base, int baseCores, CellSample cand, int candCores) {
        MetricDirection direction = MetricDirection.fromUnit(base.unit());
        if (direction == MetricDirection.UNKNOWN) {
            return "unit " + base.unit() + " has no known better direction";
        }
        if (!base.unit().equals(cand.unit())) {
            return "units differ: " + base.unit() + " vs " + cand.unit();
        }
        if (base.fromAnotherMachineThan(cand)) {
            // A verdict across machines would judge the hardware, not the code.
            return "different machines: baseline " + describeOrigin(base) + " vs candidate " + describeOrigin(cand);
        }
        if (base.threads() > baseCores || cand.threads() > candCores) {
            return String.format(Locale.ROOT, "oversubscribed: %d threads > %d cores", base.threads(),
                    base.threads() > baseCores ? baseCores : candCores);
        }
        int n1 = base.forkValues().length;
        int n2 = cand.forkValues().length;
        if (!allFinite(base.forkValues()) || !allFinite(cand.forkValues())) {
            return "non-finite fork values";
        }
        if (direction == MetricDirection.BYTES_PER_OP) {
            if (base.threads() > 1) {
                // Measured: one copy-on-write cell at 2 threads went from 216 to 405 B/op between two
                // runs of one commit, because a less loaded machine ran both writers at once and more
                // CAS retries copied the map again. Code that allocates more shows at 1 thread, where
                // allocation per op does not depend on scheduling.
                return String.format(Locale.ROOT, "bytes per op at %d threads depends on contention "
                        + "(CAS retries, lock inflation): gated at 1 thread only", base.threads());
            }
            if (Math.min(n1, n2) < settings.minBytesForks()) {
                return String.format(Locale.ROOT, "too few forks for bytes per op: %d+%d (need %d a side)",
                        n1, n2, settings.minBytesForks());
            }
        } else if (smallestTwoSidedP(n1, n2) > settings.alpha()) {
            return String.format(Locale.ROOT, "too few forks to test: %d+%d (smallest possible p %s > %s)",
                    n1, n2, Numbers.probability(smallestTwoSidedP(n1, n2)), Numbers.probability(settings.alpha()));
        }
        return null;
    }

    private static String describeOrigin(CellSample sample) {
        return sample.origin().isEmpty() ? "environment " + sample.environmentId()
                : sample.origin() + " (environment " + sample.environmentId() + ")";
    }

    private CellComparison decide(CellSample base, CellSample cand, double p, double q, String notGated) {
        MetricDirection direction = MetricDirection.fromUnit(base.unit());
        MedianInterval baseMedian = MedianInterval.of(base.forkValues());
        MedianInterval candMedian = MedianInterval.of(cand.forkValues());
        double change = 100.0 * (candMedian.median() - baseMedian.median()) / baseMedian.median();
        Verdict verdict;
        if (direction == MetricDirection.BYTES_PER_OP && allFinite(base.forkValues())
                && allFinite(cand.forkValues()) && base.forkValues().length > 0 && cand.forkValues().length > 0) {
            double growth = candMedian.median() - baseMedian.median();
            double tolerance = settings.bytesTolerance(baseMedian.median());
            if (growth > tolerance) {
                verdict = notGated == null ? Verdict.REGRESSION : Verdict.WORSE;
            } else if (growth < -tolerance) {
                verdict = Verdict.BETTER;
            } else {
                verdict = Verdict.NO_CHANGE;
            }
        } else if (Double.isNaN(p)) {
            verdict = Verdict.UNTESTED;
        } else if (q > settings.alpha()) {
            verdict = Verdict.NO_CHANGE;
        } else {
            double worsening = direction.worseningPercent(baseMedian.median(), candMedian.median());
            if (worsening <= 0) {
                verdict = Verdict.BETTER;
            } else if (worsening >= settings.minEffectPercent() && notGated == null) {
                verdict = Verdict.REGRESSION;
            } else {
                verdict = Verdict.WORSE;
            }
        }
        return new CellComparison(base, cand, direction, baseMedian, candMedian, change, p, q, verdict, notGated);
    }

    private static List<StrategySummary> summarize(List<CellComparison> cells) {
        Map<String, List<CellComparison>> byStrategy = cells.stream()
                .collect(Collectors.groupingBy(CellComparison::strategy, LinkedHashMap::new, Collectors.toList()));
        List<StrategySummary> summaries = new ArrayList<>();
        byStrategy.forEach((strategy, group) -> {
            double[] logRatios = group.stream().filter(c -> c.baseline().primary())
                    .mapToDouble(CellComparison::speedRatio).filter(r -> r > 0 && Double.isFinite(r))
                    .map(Math::log).toArray();
            double geometricMean = logRatios.length == 0 ? Double.NaN
                    : Math.exp(java.util.Arrays.stream(logRatios).average().orElseThrow());
            int regressions = (int) group.stream().filter(CellComparison::regression).count();
            int worse = (int) group.stream().filter(c -> c.verdict() == Verdict.WORSE
                    || c.verdict() == Verdict.REGRESSION).count();
            summaries.add(new StrategySummary(strategy, logRatios.length, geometricMean, regressions, worse));
        });
        return summaries;
    }

    /** Where the sides are not the same environment ({@link Machine#differences}), one line per field. */
    private static List<String> environmentWarnings(RunSide baseline, RunSide candidate) {
        List<String> warnings = new ArrayList<>();
        if (baseline.environment().isEmpty() || candidate.environment().isEmpty()) {
            return warnings; // reported as a note: nothing to compare against
        }
        for (Machine.Difference difference : Machine.differences(List.of(baseline.environment(),
                candidate.environment()))) {
            warnings.add(difference.field() + ": baseline " + difference.values().get(0) + " vs candidate "
                    + difference.values().get(1));
        }
        return warnings;
    }

    private static List<String> notes(RunSide baseline, RunSide candidate) {
        List<String> notes = new ArrayList<>();
        for (RunSide side : List.of(baseline, candidate)) {
            String name = side == baseline ? "baseline" : "candidate";
            if (side.environment().isEmpty()) {
                notes.add(name + " (" + side.label() + ") has no env.json: its environment is unknown and "
                        + "cannot be checked against the other side");
            }
            if (side.coresFromThisMachine()) {
                notes.add(name + ": cores for the oversubscription check taken from this machine ("
                        + side.cores() + "), not from env.json");
            }
        }
        return notes;
    }

    private static boolean allFinite(double[] values) {
        return java.util.Arrays.stream(values).allMatch(Double::isFinite);
    }
}
