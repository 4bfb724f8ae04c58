package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.report.model.CellComparison.Verdict;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three-way answer of a bisection step. The midpoint, good and bad were measured interleaved in the same
 * minutes; the A/B's comparison ({@link AbDecision}: exact Mann–Whitney, the 95 % ratio interval from the
 * statistics core, the ruler) compares midpoint against good and bad against midpoint, and each regressed cell
 * is tested on its own p-value against the step's alpha split over the cells it decides ({@link #verdict}).
 * Per regressed cell:
 * <ul>
 *   <li><b>same as bad</b>: the midpoint shows the regression against good (significant and at least the
 *       minimum effect). When bad is shown a further minimum effect away from the midpoint, the regression
 *       came in more than one step: the answer stays "same as bad" (the first part is here) and is marked
 *       partial, which makes the named culprit not certain.</li>
 *   <li><b>same as good</b>: the midpoint is shown equivalent to good (its midpoint/good ratio interval lies
 *       within the margin, whether or not a smaller difference is significant), or it is not significantly
 *       slower than good and bad shows the regression against it.</li>
 *   <li><b>unknown</b> otherwise.</li>
 * </ul>
 * The step is "same as bad" when any cell is, "same as good" when every cell is, else unknown; a step whose
 * cells say both is marked, since more than one commit may have changed them. Bytes per op read the
 * verdicts alone (their tolerance is their equivalence). The ruler of every pair must be stable, else the
 * machine moved and the step answers nothing.
 */
public final class StepDecision {

    /**
     * One cell metric's answer.
     *
     * @param key the comparison's {@code cell | metric}
     * @param cellId the cell's id
     * @param answer the three-way answer
     * @param partial same as bad, but bad is a further minimum effect away
     * @param midVsGood midpoint over good speed, 95 % interval (null for bytes)
     * @param badVsMid bad over midpoint speed, 95 % interval (null for bytes)
     * @param reason why, in words with the figures
     */
    public record CellAnswer(String key, String cellId, StepAnswer answer, boolean partial, RatioInterval midVsGood,
            RatioInterval badVsMid, String reason) {
    }

    /**
     * The step's answer.
     *
     * @param answer the three-way answer of the step
     * @param cells each regressed cell's answer
     * @param unstable the ruler moved in one of the pairs: the step answers nothing
     * @param rulerNotes what the ruler showed where it moved
     * @param cellsDisagree some cells same as bad, others same as good
     * @param partial a cell same as bad with bad a further minimum effect away
     */
    public record Decided(StepAnswer answer, List<CellAnswer> cells, boolean unstable, List<String> rulerNotes,
            boolean cellsDisagree, boolean partial) {

        /** Copies the lists. */
        public Decided {
            cells = List.copyOf(cells);
            rulerNotes = List.copyOf(rulerNotes);
        }
    }

    private StepDecision() {
    }

    /**
     * Decides a step from the A/B decisions of its pairs.
     *
     * @param keys the regressed {@code cell | metric} keys from the ends
     * @param cellIds comparison label to cell id
     */
    public static Decided decide(AbDecision.Result goodToMid, AbDecision.Result midToBad,
            AbDecision.Result goodToBad, List<String> keys, Map<String, String> cellIds, AbDecision.Settings settings) {
        List<String> rulerNotes = new ArrayList<>();
        rulerNotes(goodToMid, "good/midpoint", rulerNotes);
        rulerNotes(midToBad, "midpoint/bad", rulerNotes);
        rulerNotes(goodToBad, "good/bad", rulerNotes);
        List<CellAnswer> cells = new ArrayList<>();
        double alpha = settings.gate().alpha() / Math.max(1, keys.size());
        for (String key : keys) {
            cells.add(cell(key, find(goodToMid, key), find(midToBad, key), goodToMid, midToBad, cellIds, settings,
                    alpha));
        }
        boolean anyBad = cells.stream().anyMatch(cell -> cell.answer() == StepAnswer.SAME_AS_BAD);
        boolean anyGood = cells.stream().anyMatch(cell -> cell.answer() == StepAnswer.SAME_AS_GOOD);
        boolean allGood = !cells.isEmpty() && cells.stream().allMatch(cell -> cell.answer() == StepAnswer.SAME_AS_GOOD);
        boolean unstable = !rulerNotes.isEmpty();
        StepAnswer answer = unstable ? StepAnswer.UNKNOWN
                : anyBad ? StepAnswer.SAME_AS_BAD : allGood ? StepAnswer.SAME_AS_GOOD : StepAnswer.UNKNOWN;
        boolean partial = cells.stream().anyMatch(CellAnswer::partial);
        return new Decided(answer, cells, unstable, rulerNotes, anyBad && anyGood, !unstable && partial);
    }

    private static void rulerNotes(AbDecision.Result result, String pair, List<String> notes) {
        if (!result.unstableShards().isEmpty()) {
            result.ruler().stream().filter(check -> check.unstable())
                    .forEach(check -> notes.add(pair + ": " + check.cell() + ": " + check.reason()));
        }
    }

    private static CellComparison find(AbDecision.Result result, String key) {
        return result.comparison().cells().stream().filter(cell -> key.equals(cell.cell() + " | " + cell.metric()))
                .findFirst().orElse(null);
    }

    /**
     * A pair's answer for one regressed cell, tested by itself: its exact Mann–Whitney p against {@code alpha}
     * (the step's alpha split over the cells it decides) and at least the minimum effect worse. The comparison's
     * own Benjamini–Hochberg family holds the rulers and every other metric, which a step decides nothing on: at
     * 24 forks a side a step whose bad was 19 % below its midpoint (p = 0.0013) stayed unknown in that family.
     */
    static Verdict verdict(CellComparison cell, double alpha, double minEffectPercent) {
        if (Double.isNaN(cell.pValue())) {
            return Verdict.UNTESTED;
        }
        if (cell.pValue() > alpha) {
            return Verdict.NO_CHANGE;
        }
        double worsening = cell.direction().worseningPercent(cell.baselineMedian().median(),
                cell.candidateMedian().median());
        return worsening <= 0 ? Verdict.BETTER
                : worsening >= minEffectPercent && cell.notGatedReason() == null ? Verdict.REGRESSION : Verdict.WORSE;
    }

    private static CellAnswer cell(String key, CellComparison gm, CellComparison mb, AbDecision.Result goodToMid,
            AbDecision.Result midToBad, Map<String, String> cellIds, AbDecision.Settings settings, double alpha) {
        String label = key.substring(0, key.lastIndexOf(" | "));
        String cellId = cellIds.getOrDefault(label, label);
        if (gm == null || mb == null) {
            return new CellAnswer(key, cellId, StepAnswer.UNKNOWN, false, null, null,
                    "not measured on every tree (a fork failed)");
        }
        if (!gm.baseline().primary()) {
            return bytes(key, cellId, gm, mb);
        }
        RatioInterval midVsGood = goodToMid.speedRatio(gm);
        RatioInterval badVsMid = midToBad.speedRatio(mb);
        Verdict midAgainstGood = verdict(gm, alpha, settings.gate().minEffectPercent());
        Verdict badAgainstMid = verdict(mb, alpha, settings.gate().minEffectPercent());
        String figures = "midpoint/good " + Numbers.ratioInterval(midVsGood) + " (" + midAgainstGood.label() + ", p "
                + Numbers.probability(gm.pValue()) + "), bad/midpoint " + Numbers.ratioInterval(badVsMid) + " ("
                + badAgainstMid.label() + ", p " + Numbers.probability(mb.pValue()) + ")";
        double minEffect = settings.gate().minEffectPercent() / 100.0;
        if (midAgainstGood == Verdict.REGRESSION) {
            boolean partial = badVsMid != null && mb.pValue() <= alpha
                    && Math.abs(badVsMid.ratio() - 1) >= minEffect;
            return new CellAnswer(key, cellId, StepAnswer.SAME_AS_BAD, partial, midVsGood, badVsMid,
                    (partial ? "shows the regression against good, and bad is a further minimum effect away: "
                            : "shows the regression against good: ") + figures);
        }
        // Shown equivalent by the interval alone: with 24 forks a side a 2 % difference from code layout can be
        // significant, and is still not the regression.
        boolean equivalent = midVsGood != null && midVsGood.within(settings.margin());
        boolean notSlower = midAgainstGood != Verdict.WORSE;
        if (equivalent || notSlower && badAgainstMid == Verdict.REGRESSION) {
            return new CellAnswer(key, cellId, StepAnswer.SAME_AS_GOOD, false, midVsGood, badVsMid,
                    (equivalent ? "equivalent to good within ±" + Numbers.plain(settings.margin() * 100) + " %: "
                            : "not slower than good, and bad shows the regression against it: ") + figures);
        }
        return new CellAnswer(key, cellId, StepAnswer.UNKNOWN, false, midVsGood, badVsMid,
                "neither the regression against good nor equivalence to it shown: " + figures);
    }

    private static CellAnswer bytes(String key, String cellId, CellComparison gm, CellComparison mb) {
        String figures = "midpoint/good " + gm.verdict().label() + " (" + Numbers.signedPercent(gm.changePercent())
                + "), bad/midpoint " + mb.verdict().label() + " (" + Numbers.signedPercent(mb.changePercent()) + ")";
        if (gm.verdict() == Verdict.REGRESSION) {
            return new CellAnswer(key, cellId, StepAnswer.SAME_AS_BAD, mb.verdict() == Verdict.REGRESSION, null, null,
                    "more bytes per op than good beyond the tolerance: " + figures);
        }
        if (gm.verdict() == Verdict.NO_CHANGE || gm.verdict() == Verdict.BETTER) {
            return new CellAnswer(key, cellId, StepAnswer.SAME_AS_GOOD, false, null, null,
                    "bytes per op within the tolerance of good: " + figures);
        }
        return new CellAnswer(key, cellId, StepAnswer.UNKNOWN, false, null, null, figures);
    }
}
