package dev.mapbench.ab;

import dev.mapbench.compare.RunComparator;
import dev.mapbench.compare.RunSide;
import dev.mapbench.report.model.AbReport;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.MetricDirection;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.RulerCheck;
import dev.mapbench.stats.BenjaminiHochberg;
import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.ForkSpread;
import dev.mapbench.stats.RatioInterval;
import dev.mapbench.stats.VerdictSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides an A/B from both sides' fork samples: the per-cell comparison (the comparison's rank test with
 * Benjamini–Hochberg correction and the minimum effect, {@link RunComparator}), an equivalence statement
 * for every unchanged cell, the ruler, and the exit code.
 *
 * <p><b>The ruler.</b> The calibration cells run the same bare lookups on both sides, so they may differ
 * only by noise. A ruler cell differs beyond noise when (a) the 95 % interval of its candidate/baseline
 * ratio (Bonferroni over the ruler cells) lies wholly outside {@code 1 ± rulerTolerance}, or (b) its rank
 * test is significant after Benjamini–Hochberg over the ruler cells and its ratio is off 1 by at least the
 * minimum effect. The default tolerance is half the minimum effect (5 %): below it, a machine shift cannot
 * alone turn an unchanged cell into a regression of at least the minimum effect; a shift shown to be
 * larger means the two sides did not measure on the same machine, so no verdict of this A/B is trusted.
 * An unstable ruler makes the A/B (or the shard) say so and not gate: exit 3.
 *
 * <p>When the ruler's own code differs between the refs, the ruler is not a ruler: it is reported, not
 * used ({@code rulerComparable = false}).
 */
public final class AbDecision {

    /** Exit code: no regression, ruler stable. */
    public static final int NO_REGRESSION = 0;
    /** Exit code: at least one gated cell regressed, ruler stable. */
    public static final int REGRESSION = 1;
    /** Exit code: bad input (refs, options, a side that does not build). */
    public static final int BAD_INPUT = 2;
    /** Exit code: the ruler differed between the sides: the machine was unstable, nothing gated. */
    public static final int UNSTABLE = 3;

    /** The label prefix of calibration cells in a comparison (their benchmark class). */
    static final String RULER_PREFIX = "CalibrationBenchmark.";

    /** One machine's A/B: both sides measured there. */
    public record Shard(String name, RunSide baseline, RunSide candidate, boolean rulerComparable) {
    }

    /**
     * The thresholds.
     *
     * @param gate the comparison's gate (alpha, minimum effect, bytes)
     * @param margin equivalence margin as a fraction (0.10: "equivalent within ±10 %")
     * @param rulerTolerance how far (fraction) the ruler may be shown off 1 before the machine counts as unstable
     */
    public record Settings(GateSettings gate, double margin, double rulerTolerance) {

        /**
         * From the command line's percentages; a null ruler tolerance is half the minimum effect.
         *
         * @throws IllegalArgumentException when a value is out of range
         */
        public static Settings of(double alpha, double minEffectPercent, double marginPercent,
                Double rulerTolerancePercent) {
            GateSettings gate = new GateSettings(alpha, minEffectPercent, 1.0, 2.0, 3);
            double tolerance = rulerTolerancePercent != null ? rulerTolerancePercent / 100.0 : minEffectPercent / 200.0;
            return new Settings(gate, marginPercent / 100.0, tolerance);
        }

        /** Gate defaults, ±10 % margin, ruler tolerance half the minimum effect. */
        public static Settings defaults() {
            GateSettings gate = GateSettings.defaults();
            return new Settings(gate, 0.10, gate.minEffectPercent() / 200.0);
        }

        /** Validates the ranges. */
        public Settings {
            if (!(margin > 0 && margin < 1)) {
                throw new IllegalArgumentException("equivalence margin must be in (0, 1), got " + margin);
            }
            if (!(rulerTolerance >= 0 && rulerTolerance < 1)) {
                throw new IllegalArgumentException("ruler tolerance must be in [0, 1), got " + rulerTolerance);
            }
        }
    }

    /**
     * The decision: the comparison, what each cell's change amounts to, the 95 % interval of each speed
     * cell's candidate/baseline ratio the statement rests on, the ruler, the exit code.
     */
    public record Result(Comparison comparison, Map<String, String> statements, Map<String, RatioInterval> speedRatios,
            List<RulerCheck> ruler, List<String> unstableShards, List<String> rulerNotComparable,
            Map<String, String> cellShards, Settings settings) {

        /** Copies the collections. */
        public Result {
            statements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statements));
            speedRatios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(speedRatios));
            cellShards = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cellShards));
            ruler = List.copyOf(ruler);
            unstableShards = List.copyOf(unstableShards);
            rulerNotComparable = List.copyOf(rulerNotComparable);
        }

        /** The cells that regressed and count: gated, not ruler cells, on a stable shard. */
        public List<CellComparison> regressions() {
            return comparison.regressions().stream().filter(cell -> !isRuler(cell.cell()))
                    .filter(cell -> !unstableShards.contains(shardOf(cell.cell()))).toList();
        }

        /** Regressions measured on an unstable machine: reported, not gated. */
        public List<CellComparison> untrustedRegressions() {
            return comparison.regressions().stream().filter(cell -> !isRuler(cell.cell()))
                    .filter(cell -> unstableShards.contains(shardOf(cell.cell()))).toList();
        }

        /** 3 when a ruler was unstable, else 1 on a regression, else 0. */
        public int exitCode() {
            if (!unstableShards.isEmpty()) {
                return UNSTABLE;
            }
            return regressions().isEmpty() ? NO_REGRESSION : REGRESSION;
        }

        /** The 95 % interval of a speed cell's candidate/baseline ratio; null for bytes or when undefined. */
        public RatioInterval speedRatio(CellComparison cell) {
            return speedRatios.get(cell.cell() + " | " + cell.metric());
        }

        /** What a cell's change amounts to, in words (see {@link AbDecision#statement}). */
        public String statement(CellComparison cell) {
            return statements.getOrDefault(cell.cell() + " | " + cell.metric(), cell.verdict().label());
        }

        /** The one-line outcome every output opens with. */
        public String outcome() {
            long cells = comparison.cells().stream().filter(cell -> cell.baseline().primary())
                    .filter(cell -> !isRuler(cell.cell())).count();
            long equivalent = statements.entrySet().stream().filter(e -> !isRuler(e.getKey()))
                    .filter(e -> e.getValue().startsWith("equivalent")).count();
            String counts = String.format(Locale.ROOT, "%d cell%s, %d shown equivalent within ±%s %%", cells,
                    cells == 1 ? "" : "s", equivalent, Numbers.plain(settings.margin() * 100));
            if (!unstableShards.isEmpty()) {
                return "RESULT: MACHINE UNSTABLE (the ruler differed between the sides on " + String.join(", ",
                        unstableShards) + "): not gated, measure again on a quiet machine (" + counts + ", "
                        + untrustedRegressions().size() + " apparent regressions not trusted)";
            }
            if (regressions().isEmpty()) {
                return "RESULT: no regression (" + counts + ")";
            }
            return "RESULT: REGRESSION in " + regressions().size() + " cell metric"
                    + (regressions().size() == 1 ? "" : "s") + " (" + counts + ")";
        }

        /** The A/B as its text, Markdown and HTML show it, with what ran where from {@code summary}. */
        public AbReport report(AbSummary summary) {
            Map<String, String> all = new LinkedHashMap<>();
            comparison.cells().forEach(cell -> all.put(cell.cell() + " | " + cell.metric(), statement(cell)));
            AbReport.Status status = !unstableShards.isEmpty() ? AbReport.Status.UNSTABLE
                    : regressions().isEmpty() ? AbReport.Status.NO_REGRESSION : AbReport.Status.REGRESSION;
            return new AbReport(summary.baselineRef(), summary.candidateRef(), status, outcome(), unstableShards,
                    summary.headerLines(), ruler, comparison, all, regressions(), method());
        }

        /** How the A/B decided, stated once for every output. */
        public String method() {
            return String.format(Locale.ROOT, "Both refs built from git and measured on the same machine, their forks "
                    + "interleaved in seeded random order, one round of every (cell, side) at a time, so drift hits both "
                    + "sides. %s Equivalent = no significant change and the %.0f %% interval of the candidate/baseline "
                    + "speed ratio (Welch t on log fork values, variance moderated with the run's fork spread) lies within "
                    + "±%s %%. Ruler: the calibration cells must not differ beyond noise (ratio interval wholly outside "
                    + "1 ± %s %%, or significant and off by >= the minimum effect); otherwise the machine was unstable, "
                    + "nothing is gated, exit 3.", comparison.methodStatement(), 95.0,
                    Numbers.plain(settings.margin() * 100), Numbers.plain(settings.rulerTolerance() * 100));
        }

        /** The shard a (possibly shard-tagged) cell label belongs to. */
        String shardOf(String cell) {
            int open = cell.lastIndexOf(" [shard ");
            if (open >= 0 && cell.endsWith("]")) {
                return cell.substring(open + 8, cell.length() - 1);
            }
            return cellShards.getOrDefault(cell, "1/1");
        }
    }

    private AbDecision() {
    }

    /** Whether a comparison's cell label is a calibration (ruler) cell. */
    static boolean isRuler(String cell) {
        return cell.startsWith(RULER_PREFIX);
    }

    /**
     * Every sample of one side over all shards; with more than one shard each shard's ruler cells are
     * named by their shard (every machine measures its own ruler, and they are never pooled).
     */
    public static List<CellSample> samples(List<Shard> shards, Side side) {
        List<CellSample> samples = new ArrayList<>();
        boolean tag = shards.size() > 1;
        for (Shard shard : shards) {
            for (CellSample sample : (side == Side.BASELINE ? shard.baseline() : shard.candidate()).samples()) {
                samples.add(tag && isRuler(sample.cell()) ? sample.renamed(tagged(sample.cell(), shard)) : sample);
            }
        }
        return samples;
    }

    /** Decides an A/B of one or more shards, each measured on one machine. */
    public static Result decide(List<Shard> shards, Settings settings) {
        List<CellSample> baseline = samples(shards, Side.BASELINE);
        List<CellSample> candidate = samples(shards, Side.CANDIDATE);
        Map<String, String> shardOfCell = new LinkedHashMap<>();
        for (Shard shard : shards) {
            for (CellSample sample : samples(List.of(shard), Side.BASELINE)) {
                shardOfCell.put(shards.size() > 1 && isRuler(sample.cell()) ? tagged(sample.cell(), shard)
                        : sample.cell(), shard.name());
            }
        }
        RunSide first = shards.get(0).baseline();
        RunSide firstCandidate = shards.get(0).candidate();
        RunSide baseSide = new RunSide(label(shards, Side.BASELINE), baseline, first.environment(), first.cores(),
                first.coresFromThisMachine());
        RunSide candSide = new RunSide(label(shards, Side.CANDIDATE), candidate, firstCandidate.environment(),
                firstCandidate.cores(), firstCandidate.coresFromThisMachine());
        Comparison comparison = new RunComparator(settings.gate()).compare(baseSide, candSide);

        List<RulerCheck> ruler = new ArrayList<>();
        Set<String> unstable = new LinkedHashSet<>();
        List<String> notComparable = new ArrayList<>();
        Map<String, String> statements = new LinkedHashMap<>();
        Map<String, RatioInterval> speedRatios = new LinkedHashMap<>();
        for (Shard shard : shards) {
            List<CellComparison> shardCells = comparison.cells().stream()
                    .filter(cell -> shard.name().equals(shardOfCell.get(cell.cell()))).toList();
            ForkSpread spread = ForkSpread.measure(shardCells.stream().filter(cell -> cell.baseline().primary())
                    .flatMap(cell -> java.util.stream.Stream.of(ForkSample.of(cell.baseline().forkValues()),
                            ForkSample.of(cell.candidate().forkValues()))).toList());
            List<RulerCheck> checks = rulerChecks(shard, shardCells, spread, settings);
            ruler.addAll(checks);
            if (!shard.rulerComparable()) {
                notComparable.add(shard.name());
            } else if (checks.stream().anyMatch(RulerCheck::unstable)) {
                unstable.add(shard.name());
            }
            for (CellComparison cell : shardCells) {
                statements.put(cell.cell() + " | " + cell.metric(), statement(cell, spread, settings,
                        unstable.contains(shard.name())));
                RatioInterval ratio = cell.baseline().primary() ? speedRatio(cell, spread, 0.95) : null;
                if (ratio != null) {
                    speedRatios.put(cell.cell() + " | " + cell.metric(), ratio);
                }
            }
        }
        return new Result(comparison, statements, speedRatios, ruler, List.copyOf(unstable), notComparable, shardOfCell,
                settings);
    }

    private static String tagged(String cell, Shard shard) {
        return cell + " [shard " + shard.name() + "]";
    }

    private static String label(List<Shard> shards, Side side) {
        return shards.stream().map(shard -> (side == Side.BASELINE ? shard.baseline() : shard.candidate()).label())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static List<RulerCheck> rulerChecks(Shard shard, List<CellComparison> cells, ForkSpread spread,
            Settings settings) {
        List<CellComparison> rulerCells = cells.stream().filter(cell -> isRuler(cell.cell()))
                .filter(cell -> cell.baseline().primary()).toList();
        double[] pValues = rulerCells.stream().mapToDouble(CellComparison::pValue).toArray();
        double[] qValues = BenjaminiHochberg.adjust(pValues);
        double confidence = 1 - settings.gate().alpha() / Math.max(1, rulerCells.size());
        double tolerance = settings.rulerTolerance();
        double minEffect = settings.gate().minEffectPercent() / 100.0;
        List<RulerCheck> checks = new ArrayList<>();
        for (int i = 0; i < rulerCells.size(); i++) {
            CellComparison cell = rulerCells.get(i);
            RatioInterval ratio = speedRatio(cell, spread, confidence);
            boolean unstable = false;
            String reason;
            if (ratio == null) {
                reason = "no positive fork values on a side: cannot read the ruler";
            } else if (ratio.high() < 1 - tolerance || ratio.low() > 1 + tolerance) {
                unstable = true;
                reason = String.format(Locale.ROOT, "candidate/baseline %s, interval [%s, %s] lies wholly outside "
                        + "1 ± %s %%", Numbers.speedRatio(ratio.ratio()), Numbers.speedRatio(ratio.low()), Numbers.speedRatio(ratio.high()),
                        Numbers.plain(tolerance * 100));
            } else if (qValues[i] <= settings.gate().alpha() && Math.abs(ratio.ratio() - 1) >= minEffect) {
                unstable = true;
                reason = String.format(Locale.ROOT, "rank test significant (q = %s) and candidate/baseline %s is off "
                        + "1 by >= the %s %% minimum effect", Numbers.probability(qValues[i]), Numbers.speedRatio(ratio.ratio()),
                        Numbers.plain(settings.gate().minEffectPercent()));
            } else {
                reason = String.format(Locale.ROOT, "stable: candidate/baseline %s [%s, %s] (%s %% interval)",
                        Numbers.speedRatio(ratio.ratio()), Numbers.speedRatio(ratio.low()), Numbers.speedRatio(ratio.high()),
                        Numbers.plain(confidence * 100));
            }
            checks.add(new RulerCheck(shard.name(), cell.cell(), cell.baselineMedian(), cell.candidateMedian(), ratio,
                    cell.pValue(), qValues[i], unstable && shard.rulerComparable(),
                    shard.rulerComparable() ? reason : reason + " (not used: the calibration code differs between the refs)"));
        }
        return checks;
    }

    /** Candidate over baseline as a speed (time per op inverted), with its interval; null when undefined. */
    static RatioInterval speedRatio(CellComparison cell, ForkSpread spread, double confidence) {
        ForkSample base = ForkSample.of(cell.baseline().forkValues());
        ForkSample cand = ForkSample.of(cell.candidate().forkValues());
        if (!base.positive() || !cand.positive()) {
            return null;
        }
        VerdictSettings verdict = VerdictSettings.defaults();
        return switch (cell.direction()) {
            case HIGHER_IS_BETTER -> RatioInterval.of(cand, base, spread, confidence, verdict.minForks(),
                    verdict.priorDegrees());
            case LOWER_IS_BETTER -> RatioInterval.of(cand.reciprocal(), base.reciprocal(), spread, confidence,
                    verdict.minForks(), verdict.priorDegrees());
            default -> null;
        };
    }

    /**
     * What a cell's change amounts to: the comparison's verdict, and for an unchanged speed cell whether
     * its 95 % ratio interval shows it equivalent within the margin ("equivalent within ±10 %") or leaves
     * it open ("no significant change").
     */
    static String statement(CellComparison cell, ForkSpread spread, Settings settings, boolean unstableShard) {
        String notGated = cell.notGatedReason() == null ? "" : " (not gated: " + cell.notGatedReason() + ")";
        if (unstableShard && !isRuler(cell.cell())) {
            notGated += " (not gated: the machine was unstable)";
        }
        if (isRuler(cell.cell())) {
            notGated = " (ruler: never gated)";
        }
        RatioInterval ratio = cell.baseline().primary() ? speedRatio(cell, spread, 0.95) : null;
        String interval = ratio == null ? "" : String.format(Locale.ROOT, ", speed ratio %s [%s, %s]",
                Numbers.speedRatio(ratio.ratio()), Numbers.speedRatio(ratio.low()), Numbers.speedRatio(ratio.high()));
        String margin = Numbers.plain(settings.margin() * 100);
        String words = switch (cell.verdict()) {
            case REGRESSION -> "REGRESSION";
            case WORSE -> cell.direction() == MetricDirection.BYTES_PER_OP ? "more bytes per op"
                    : "significantly worse, below the minimum effect";
            case BETTER -> cell.direction() == MetricDirection.BYTES_PER_OP ? "fewer bytes per op"
                    : "significantly better";
            case NO_CHANGE -> ratio != null && ratio.within(settings.margin()) ? "equivalent within ±" + margin + " %"
                    : "no significant change";
            case UNTESTED -> "untested";
        };
        return words + interval + notGated;
    }
}
