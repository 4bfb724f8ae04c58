package dev.mapbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides the verdicts of one workload: which strategy leads, which are shown equivalent to it, which
 * are shown slower, and which are still open.
 *
 * <p>The best is the strategy with the highest geometric mean of fork values (speeds: for a
 * time-per-operation unit the values are inverted first). Every other strategy's ratio to the best gets a
 * {@link RatioInterval} at two-sided confidence 1 - 2 alpha / k, k the number of comparisons in the workload
 * (each claim is one-sided at alpha / k: see {@link VerdictSettings#confidence(int)})
 * (Bonferroni). Then, in this order: <b>equivalent</b> when the whole interval lies inside
 * [1 - margin, 1 + margin]; <b>slower</b> when the whole interval lies below 1; otherwise
 * <b>undecided</b>, with an estimate of the forks per side that would decide it. Equivalence is checked
 * first because a difference can be real and still too small to matter: a strategy shown within the
 * margin is reported as a tie, whatever a test of zero difference says.
 */
public final class Verdicts {

    /** Reported as the forks needed when no realistic number of forks would decide a strategy. */
    public static final int TOO_CLOSE_TO_CALL = 999;

    private Verdicts() {
    }

    /**
     * The ranking of {@code samples} (strategy name to its fork values, in any order).
     *
     * @param higherIsBetter true for throughput, false for time per operation
     */
    public static Ranking rank(Map<String, ForkSample> samples, boolean higherIsBetter, String unit, ForkSpread spread,
            VerdictSettings settings) {
        Map<String, ForkSample> speeds = new LinkedHashMap<>();
        List<StrategyVerdict> unusable = new ArrayList<>();
        samples.forEach((strategy, sample) -> {
            if (sample.positive()) {
                speeds.put(strategy, higherIsBetter ? sample : sample.reciprocal());
            } else {
                unusable.add(new StrategyVerdict(strategy, VerdictStatus.UNDECIDED, Double.NaN, Double.NaN, Double.NaN,
                        sample.forks(), Double.NaN, unit, 0, "no positive fork values: nothing to decide on"));
            }
        });
        if (speeds.isEmpty()) {
            return new Ranking(unusable);
        }
        int comparisons = speeds.size() - 1;
        double modeGap = spread.spreadFactor(settings.spreadRuleConfidence(comparisons));
        Map<String, ForkModes> modes = new LinkedHashMap<>();
        speeds.forEach((strategy, speed) -> modes.put(strategy, settings.confirm() ? ForkModes.of(speed, modeGap)
                : ForkModes.of(speed, Double.POSITIVE_INFINITY)));
        String best = modes.entrySet().stream()
                .max(Comparator.comparingDouble((Map.Entry<String, ForkModes> e) -> e.getValue().sample().logMean())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        ForkModes bestModes = modes.get(best);
        double confidence = settings.confidence(comparisons);
        List<StrategyVerdict> others = new ArrayList<>();
        modes.forEach((strategy, own) -> {
            if (!strategy.equals(best)) {
                others.add(compare(strategy, own, samples.get(strategy).forks(), bestModes, higherIsBetter, unit, spread,
                        settings, confidence, comparisons));
            }
        });
        others.sort(Comparator.comparingDouble(StrategyVerdict::ratioToBest).reversed()
                .thenComparing(StrategyVerdict::strategy));
        List<StrategyVerdict> ranked = new ArrayList<>();
        ranked.add(new StrategyVerdict(best, VerdictStatus.BEST, 1, 1, 1, samples.get(best).forks(),
                estimate(bestModes.sample(), higherIsBetter), unit, 0, comparisons == 0 ? "the only strategy measured"
                        : "highest geometric mean of fork values", bestModes.note(), bestModes.sample().forks()));
        ranked.addAll(others);
        ranked.addAll(unusable);
        return new Ranking(ranked);
    }

    private static StrategyVerdict compare(String strategy, ForkModes own, int forks, ForkModes best,
            boolean higherIsBetter, String unit, ForkSpread spread, VerdictSettings settings, double confidence,
            int comparisons) {
        ForkSample speed = own.sample();
        ForkSample bestSpeed = best.sample();
        boolean spreadRule = speed.forks() < settings.minForks() || bestSpeed.forks() < settings.minForks();
        RatioInterval interval = RatioInterval.of(speed, bestSpeed, spread,
                spreadRule ? settings.spreadRuleConfidence(comparisons) : confidence, settings.minForks(),
                settings.priorDegrees());
        VerdictStatus status;
        int forksNeeded = 0;
        String why = null;
        if (!own.settled() || !best.settled()) {
            status = VerdictStatus.UNDECIDED;
            forksNeeded = Math.max(own.settled() ? 0 : own.forksToSettle(), best.settled() ? 0 : best.forksToSettle());
            why = (own.settled() ? "the best's " + best.note() : "its " + own.note());
        } else if (interval.within(settings.margin())) {
            status = VerdictStatus.EQUIVALENT;
        } else if (interval.below1() && confirmed(speed, bestSpeed, interval, spread, settings)) {
            status = VerdictStatus.SLOWER;
        } else if (interval.below1()) {
            status = VerdictStatus.UNDECIDED;
            forksNeeded = VerdictSettings.CONFIRMING_FORKS;
            why = String.format(Locale.ROOT, "slower on %d vs %d fork%s, within %.0f× of the best: a second fork on each "
                    + "side must confirm it", speed.forks(), bestSpeed.forks(), bestSpeed.forks() == 1 ? "" : "s",
                    settings.exemptGap(spread));
        } else {
            status = VerdictStatus.UNDECIDED;
            forksNeeded = Math.max(VerdictSettings.CONFIRMING_FORKS,
                    forksNeeded(speed, bestSpeed, spread, settings, confidence));
        }
        String method = String.format(Locale.ROOT, "%s%s; Bonferroni over %d comparison%s", why == null ? "" : why + "; ",
                interval.describe(), comparisons, comparisons == 1 ? "" : "s");
        return new StrategyVerdict(strategy, status, interval.ratio(), interval.low(), interval.high(), forks,
                estimate(speed, higherIsBetter), unit, forksNeeded, method, own.note(), speed.forks());
    }

    /**
     * Whether a shown difference may stand as "slower": with confirmation on, both sides have at least
     * {@link VerdictSettings#CONFIRMING_FORKS} forks, or the gap is at least the exempt gap (a strategy 1 000×
     * behind needs no second opinion from a fork 10× off).
     */
    private static boolean confirmed(ForkSample speed, ForkSample best, RatioInterval interval, ForkSpread spread,
            VerdictSettings settings) {
        if (!settings.confirm()) {
            return true;
        }
        boolean enoughForks = speed.forks() >= VerdictSettings.CONFIRMING_FORKS
                && best.forks() >= VerdictSettings.CONFIRMING_FORKS;
        return enoughForks || interval.ratio() <= 1 / settings.exemptGap(spread);
    }

    /** The geometric mean of the forks a verdict rests on, in the metric's own unit. */
    private static double estimate(ForkSample speeds, boolean higherIsBetter) {
        double mean = speeds.geometricMean();
        return higherIsBetter ? mean : 1 / mean;
    }

    /** How verdicts are decided, stated once for every output that shows them. */
    public static String methodStatement(VerdictSettings settings, ForkSpread spread) {
        return methodStatement(settings, spread.describe());
    }

    /** The same, for a run whose spread is measured per thread count. */
    public static String methodStatement(VerdictSettings settings, SpreadByThreads spread) {
        return methodStatement(settings, "spread is measured per thread count (each workload is judged with its own): "
                + spread.describe());
    }

    private static String methodStatement(VerdictSettings settings, String spreadDescription) {
        String confirmation = !settings.confirm() ? "" : String.format(Locale.ROOT, " No claim rests on one fork: "
                + "slower needs at least %d forks on each side, taken at different times in the interleaved order, "
                + "unless the gap is at least %.0f× (or twice the run's largest fork ratio). Forks of one cell further "
                + "apart than that spread lie in different modes: a mode holding at most %.0f %% of a cell's forks (1 "
                + "of %d) is rare and set aside, named in the verdict; one holding more, with at least 2 forks, is part "
                + "of the strategy's behaviour and counted; fewer forks than that decide nothing yet.",
                VerdictSettings.CONFIRMING_FORKS, VerdictSettings.MIN_EXEMPT_GAP, ForkModes.RARE_SHARE * 100,
                ForkModes.FORKS_TO_CALL_RARE);
        return String.format(Locale.ROOT, "A sample is one fork (the mean of its steady measured iterations: leading "
                + "iterations still trending are left out); iterations inside a fork are never the evidence. The best "
                + "is the highest geometric mean of fork values. Each "
                + "other strategy's ratio to it gets an interval (k = the workload's comparisons, Bonferroni): with at "
                + "least %d forks a side, Welch's t on log fork values with each cell's variance moderated toward the "
                + "run's typical between-fork variance (the median cell's, prior weight %d df), at two-sided 1 − 2 × %s / k, "
                + "since every claim is one-sided at %s / k (equivalence as two one-sided tests); with fewer, the ratio "
                + "only counts beyond how far two forks of one cell can land apart by that spread at 1 − %s / k (at least "
                + "%.0f×). Equivalent: the whole interval inside ±%s %%; slower: the whole interval below 1; otherwise "
                + "undecided.%s This run's %s.", settings.minForks(), settings.priorDegrees(), trim(settings.alpha()),
                trim(settings.alpha()), trim(settings.alpha()), ForkSpread.MIN_SPREAD_FACTOR,
                trim(settings.margin() * 100), confirmation, spreadDescription);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : Double.toString(value);
    }

    /**
     * The forks per side with which the present estimate would be decided: the interval's half-width
     * must fall below the distance to 1 (to show it slower) or to the margin (to show it equivalent),
     * whichever is nearer, with both sides' present moderated variances.
     */
    static int forksNeeded(ForkSample speed, ForkSample best, ForkSpread spread, VerdictSettings settings,
            double confidence) {
        double distance = Math.abs(speed.logMean() - best.logMean());
        double target = Math.max(distance, -Math.log(1 - settings.margin()) - distance);
        double variance = spread.moderatedVariance(speed, settings.priorDegrees())
                + spread.moderatedVariance(best, settings.priorDegrees());
        int from = Math.max(settings.minForks(), Math.max(speed.forks(), best.forks()));
        for (int forks = from; forks < TOO_CLOSE_TO_CALL; forks++) {
            double degrees = 2.0 * (settings.priorDegrees() + forks - 1);
            double halfWidth = RatioInterval.tQuantile(confidence, degrees) * Math.sqrt(variance / forks);
            if (halfWidth < target) {
                return forks;
            }
        }
        return TOO_CLOSE_TO_CALL;
    }
}
