package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.ab.bisect.BisectResult.Attempt;
import dev.mapbench.ab.bisect.BisectResult.CommitState;
import dev.mapbench.ab.bisect.BisectResult.Effect;
import dev.mapbench.ab.bisect.BisectResult.Outcome;
import dev.mapbench.ab.bisect.BisectResult.Step;
import dev.mapbench.report.model.CellComparison;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.RulerCheck;
import dev.mapbench.report.text.ComparisonMarkdown;
import dev.mapbench.report.text.TextTable;
import dev.mapbench.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A bisection's text (what the command prints, {@code bisect.txt}) and Markdown ({@code bisect.md}, the job
 * summary). Both open with the outcome and end with the answer; every figure comes from {@link BisectResult}
 * and the A/B decisions in it, nothing is computed here. The text's last line is
 * {@link BisectResult#lastLine()}.
 */
public final class BisectRender {

    private BisectRender() {
    }

    /** The one-line outcome every output opens with. */
    public static String outcome(BisectResult result) {
        String figures = String.format(Locale.ROOT, "%d step%s, %s", result.steps().size(),
                result.steps().size() == 1 ? "" : "s", Numbers.duration(result.wallSeconds()));
        String minEffect = Numbers.plain(result.settings().decision().gate().minEffectPercent());
        return switch (result.outcome()) {
            case FOUND -> "RESULT: first bad commit " + result.culprit().shortHash() + " \"" + result.culprit().subject()
                    + "\"" + (result.notCertain().isEmpty() ? "" : ", NOT CERTAIN") + " (" + figures + ")";
            case NOT_REPRODUCED -> String.format(Locale.ROOT, "RESULT: not reproduced: good against bad shows no "
                    + "regression of at least %s %% in %d cells at %d forks a side (%s); nothing bisected%s",
                    minEffect, workloadCells(result), result.ends().forks(), Numbers.duration(result.wallSeconds()),
                    slowerBelowMinimum(result, minEffect));
            case UNDECIDED -> "RESULT: undecided: the regression came in after " + result.lastGood().shortHash()
                    + " and by " + result.firstBad().shortHash() + "; the commits between could not be decided at "
                    + result.settings().maxForks() + " forks a side (" + figures + ")";
            case MACHINE_UNSTABLE -> "RESULT: MACHINE UNSTABLE (the ruler moved "
                    + (result.steps().isEmpty() ? "between the ends" : "in step " + result.steps().size())
                    + "): stopped; the regression came in after " + result.lastGood().shortHash() + " and by "
                    + result.firstBad().shortHash() + " (" + figures + ")";
        };
    }

    /** The cells shown slower by less than the minimum effect, when the regression was not reproduced. */
    private static String slowerBelowMinimum(BisectResult result, String minEffect) {
        List<String> slower = new ArrayList<>();
        for (CellComparison cell : result.ends().result().comparison().cells()) {
            if (result.ends().slowerKeys().contains(cell.cell() + " | " + cell.metric())) {
                slower.add(result.ends().cellIds().getOrDefault(cell.cell(), cell.cell()) + " "
                        + Numbers.ratioInterval(result.ends().result().speedRatio(cell)));
            }
        }
        String unclear = result.ends().unclearKeys().isEmpty() ? "" : "; " + result.ends().unclearKeys().size()
                + " cell(s) not shown within the " + minEffect + " % minimum effect even at the cap, so a regression "
                + "there is not excluded either (the machine's forks scatter too widely: see their intervals)";
        return (slower.isEmpty() ? "" : "; shown slower, but by less than the " + minEffect + " % minimum effect: "
                + String.join(", ", slower)) + unclear;
    }

    /** The plain-text report; its last line is the answer. */
    public static String text(BisectResult result) {
        StringBuilder out = new StringBuilder();
        out.append(outcome(result)).append("\n\n");
        header(result).forEach(line -> out.append(line).append('\n'));
        out.append('\n').append(endsHeadline(result)).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "metric", "good -> bad"});
        for (String[] row : endsRows(result)) {
            rows.add(row);
        }
        TextTable.append(out, rows);
        long others = otherEndCells(result);
        if (others > 0) {
            out.append("  (").append(others).append(" other cell metrics shown equivalent or unchanged)\n");
        }
        out.append("ruler, good -> bad:\n");
        for (RulerCheck check : result.ends().result().ruler()) {
            out.append("  ").append(result.ends().cellIds().getOrDefault(check.cell(), check.cell())).append(": ")
                    .append(check.unstable() ? "UNSTABLE: " : "")
                    .append(check.reason()).append('\n');
        }
        if (!result.steps().isEmpty()) {
            out.append("\nsteps (each the midpoint interleaved with good and bad):\n");
            for (Step step : result.steps()) {
                out.append("  ").append(stepLine(result, step)).append('\n');
                if (step.decided() != null) {
                    step.decided().cells().forEach(cell -> out.append("      ").append(cell.cellId()).append(": ")
                            .append(cell.answer().words()).append(": ").append(cell.reason()).append('\n'));
                    step.decided().rulerNotes().forEach(note -> out.append("      ruler UNSTABLE: ").append(note)
                            .append('\n'));
                }
            }
        }
        out.append("\ncommits, oldest first:\n");
        List<String[]> commits = new ArrayList<>();
        commits.add(new String[] {"#", "commit", "state", "step", "subject"});
        for (CommitState commit : result.commits()) {
            commits.add(new String[] {Integer.toString(commit.index()), commit.commit().shortHash(), state(result, commit),
                commit.step() == 0 ? "" : Integer.toString(commit.step()), commit.commit().subject()});
        }
        TextTable.append(out, commits);
        out.append('\n');
        answer(result).forEach(line -> out.append(line).append('\n'));
        out.append('\n').append("method: ").append(method(result)).append('\n');
        out.append('\n').append(result.lastLine()).append('\n');
        return out.toString();
    }

    /** The Markdown report: outcome, culprit, steps, the ends, the commits folded away. */
    public static String markdown(BisectResult result) {
        StringBuilder out = new StringBuilder("## mapbench bisect: `").append(result.range().good().shortHash())
                .append("`..`").append(result.range().bad().shortHash()).append("`\n\n");
        String icon = result.exitCode() == BisectResult.FOUND ? (result.outcome() == Outcome.FOUND ? ":mag:"
                : ":white_check_mark:") : result.exitCode() == BisectResult.UNSTABLE ? ":warning:" : ":grey_question:";
        out.append("**").append(icon).append(' ').append(escape(outcome(result))).append("**\n\n");
        if (!result.notCertain().isEmpty()) {
            out.append("> [!WARNING]\n> **Not certain:**\n");
            result.notCertain().forEach(reason -> out.append("> - ").append(escape(reason)).append('\n'));
            out.append('\n');
        }
        answer(result).forEach(line -> out.append("- ").append(escape(line.strip())).append('\n'));
        header(result).forEach(line -> out.append("- ").append(escape(line)).append('\n'));
        if (!result.steps().isEmpty()) {
            out.append("\n### Steps\n\n| step | commit | position | forks a side | answer | time | cells |\n"
                    + "|---:|---|---|---|---|---:|---|\n");
            for (Step step : result.steps()) {
                out.append("| ").append(step.number()).append(" | `").append(step.commit().shortHash()).append("` ")
                        .append(escape(step.commit().subject())).append(" | ").append(step.index()).append(" of ")
                        .append(result.commits().size() - 1).append(" | ").append(forks(step)).append(" | **")
                        .append(escape(step.state().words())).append("** | ")
                        .append(Numbers.duration(step.seconds())).append(" | ").append(escape(cells(step)))
                        .append(" |\n");
            }
        }
        out.append("\n### Ends: good against bad\n\n").append(escape(endsHeadline(result))).append("\n\n")
                .append("| cell | metric | good → bad |\n|---|---|---|\n");
        for (String[] row : endsRows(result)) {
            out.append("| ").append(escape(row[0])).append(" | ").append(escape(row[1])).append(" | ")
                    .append(row[2].startsWith("REGRESSION") ? "**" + escape(row[2]) + "**" : escape(row[2])).append(" |\n");
        }
        out.append("\n<details><summary>All ").append(result.commits().size()).append(" commits</summary>\n\n")
                .append("| # | commit | state | step | subject |\n|---:|---|---|---:|---|\n");
        for (CommitState commit : result.commits()) {
            out.append("| ").append(commit.index()).append(" | `").append(commit.commit().shortHash()).append("` | ")
                    .append(escape(state(result, commit))).append(" | ").append(commit.step() == 0 ? "" : commit.step())
                    .append(" | ").append(escape(commit.commit().subject())).append(" |\n");
        }
        out.append("\n</details>\n\n<sub>").append(escape(method(result))).append("</sub>\n\n`")
                .append(result.lastLine()).append("`\n");
        return out.toString();
    }

    /** What ran: the range, the cells and forks, the seed, the wall time. */
    static List<String> header(BisectResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "range: good %s \"%s\" .. bad %s \"%s\": %d first-parent commit%s",
                result.range().good().shortHash(), result.range().good().subject(), result.range().bad().shortHash(),
                result.range().bad().subject(), result.range().commits().size(),
                result.range().commits().size() == 1 ? "" : "s"));
        lines.add(String.format(Locale.ROOT, "cells: %d at the ends (%d ruler); fork = %s; %s forks a side while "
                + "unknown (cap %d); seed %d (rerun with --seed %d)", result.plan().cells().size(),
                result.plan().rulerCells(), result.plan().timingText(), String.join(" -> ",
                        result.settings().forkLevels().stream().map(String::valueOf).toList()),
                result.settings().maxForks(), result.settings().seed(), result.settings().seed()));
        lines.add(String.format(Locale.ROOT, "wall time: %s (builds: %d commits, each once, %s; forks %s)",
                Numbers.duration(result.wallSeconds()), result.builds(), Numbers.duration(result.buildSeconds()),
                Numbers.duration(result.measureSeconds())));
        result.failedForks().forEach(failed -> lines.add("FAILED fork: " + failed));
        double minEffect = result.settings().decision().gate().minEffectPercent() / 100.0;
        for (RulerCheck check : result.ends().result().ruler()) {
            if (check.ratio() != null && !check.unstable()
                    && (check.ratio().low() < 1 - minEffect || check.ratio().high() > 1 + minEffect)) {
                lines.add(String.format(Locale.ROOT, "noisy machine: the ruler %s did not move, but its interval "
                        + "%s at the ends is wider than the %s %% minimum effect: answers need more forks and may "
                        + "stay unknown", result.ends().cellIds().getOrDefault(check.cell(), check.cell()),
                        Numbers.ratioInterval(check.ratio()), Numbers.plain(minEffect * 100)));
            }
        }
        return lines;
    }

    /** The answer's lines: the culprit with its files, effect and last good commit, or the open range. */
    static List<String> answer(BisectResult result) {
        List<String> lines = new ArrayList<>();
        if (result.outcome() == Outcome.FOUND) {
            lines.add("first bad commit: " + result.culprit().hash() + " \"" + result.culprit().subject() + "\"");
            lines.add("  changed files: " + (result.culprit().changedFiles().isEmpty() ? "(none)"
                    : String.join(", ", result.culprit().changedFiles())));
            for (Effect effect : result.effect()) {
                lines.add(String.format(Locale.ROOT, "  effect: %s (%s): %s (95 %% interval, %d forks a side, %s)",
                        effect.cellId(), effect.metric(), effect.words(), effect.forks(), effect.where()));
            }
            lines.add("  last good commit: " + result.lastGood().hash() + " \"" + result.lastGood().subject() + "\"");
        } else if (result.outcome() != Outcome.NOT_REPRODUCED) {
            lines.add("last good commit: " + result.lastGood().hash() + " \"" + result.lastGood().subject() + "\"");
            lines.add("first bad commit shown: " + result.firstBad().hash() + " \"" + result.firstBad().subject() + "\"");
        }
        result.notCertain().forEach(reason -> lines.add("NOT CERTAIN: " + reason));
        return lines;
    }

    static String endsHeadline(BisectResult result) {
        BisectResult.Ends ends = result.ends();
        String attempts = ends.attempts().stream().map(a -> Integer.toString(a.forks()))
                .collect(Collectors.joining(" -> "));
        String found = ends.unstable() ? "MACHINE UNSTABLE: the ruler moved"
                : !ends.regressedKeys().isEmpty() ? ends.regressedKeys().size() + " regressed cell metric"
                + (ends.regressedKeys().size() == 1 ? "" : "s") + ": the steps measure these and their ruler"
                : "no regression" + (ends.unclearKeys().isEmpty() ? "" : "; " + ends.unclearKeys().size()
                + " cell(s) still not shown within the minimum effect at the cap");
        return String.format(Locale.ROOT, "ends: good against bad, %s forks a side (%s): %s", attempts,
                Numbers.duration(ends.attempts().stream().mapToDouble(Attempt::seconds).sum()), found);
    }

    /**
     * The ends' cells that regressed, changed or stayed unclear, and those shown slower or faster within the
     * margin: cell id, metric, statement.
     */
    static List<String[]> endsRows(BisectResult result) {
        List<String[]> rows = new ArrayList<>();
        for (CellComparison cell : result.ends().result().comparison().cells()) {
            if (!isRuler(cell) && !unchanged(result, cell)) {
                String statement = result.ends().result().statement(cell);
                rows.add(new String[] {result.ends().cellIds().getOrDefault(cell.cell(), cell.cell()),
                    cell.metric() + " (" + cell.unit() + ")", statement});
            }
        }
        return rows;
    }

    static long otherEndCells(BisectResult result) {
        return result.ends().result().comparison().cells().stream().filter(cell -> !isRuler(cell))
                .filter(cell -> unchanged(result, cell)).count();
    }

    /** Shown equivalent with an interval that includes 1, or bytes per op within their tolerance. */
    private static boolean unchanged(BisectResult result, CellComparison cell) {
        if (!cell.baseline().primary()) {
            return cell.verdict() == CellComparison.Verdict.NO_CHANGE;
        }
        String statement = result.ends().result().statement(cell);
        RatioInterval ratio = result.ends().result().speedRatio(cell);
        boolean includesOne = ratio == null || ratio.low() <= 1 && ratio.high() >= 1;
        return (statement.startsWith("equivalent") || statement.startsWith("~")) && includesOne;
    }

    private static boolean isRuler(CellComparison cell) {
        return cell.cell().startsWith("CalibrationBenchmark.");
    }

    private static long workloadCells(BisectResult result) {
        return result.plan().cells().stream().filter(cell -> !cell.isCalibration()).count();
    }

    static String stepLine(BisectResult result, Step step) {
        String where = String.format(Locale.ROOT, "step %d: %s (%d of %d) \"%s\": ", step.number(),
                step.commit().shortHash(), step.index(), result.commits().size() - 1, step.commit().subject());
        if (step.buildFailure() != null) {
            return where + "skipped, does not build: " + step.buildFailure();
        }
        return where + forks(step) + " (" + Numbers.duration(step.seconds()) + ")";
    }

    /** The attempts of a step: {@code unknown at 6 -> same as bad at 12 forks a side}. */
    static String forks(Step step) {
        if (step.buildFailure() != null) {
            return "does not build";
        }
        String attempts = step.attempts().stream().map(a -> (a.unstable() ? "MACHINE UNSTABLE" : a.answer().words())
                + " at " + a.forks()).collect(Collectors.joining(" -> "));
        return attempts + " forks a side" + (step.state() == BisectResult.State.UNDECIDED ? ": undecided at the cap" : "");
    }

    static String cells(Step step) {
        if (step.decided() == null) {
            return step.buildFailure() == null ? "" : step.buildFailure();
        }
        return step.decided().cells().stream().map(cell -> cell.cellId() + ": " + cell.answer().words() + ", "
                + cell.reason()).collect(Collectors.joining("; "));
    }

    static String state(BisectResult result, CommitState commit) {
        String state = commit.state().words();
        if (commit.index() == 0) {
            return "good end";
        }
        if (commit.index() == result.commits().size() - 1) {
            return "bad end";
        }
        if (result.culprit() != null && commit.commit().hash().equals(result.culprit().hash())) {
            return state + ": FIRST BAD COMMIT";
        }
        return state;
    }

    /** How the bisection decided, in one paragraph. */
    static String method(BisectResult result) {
        AbDecision.Settings decision = result.settings().decision();
        int commits = result.range().all().size() - 1;
        double stepAlpha = result.settings().stepDecision(commits).gate().alpha();
        return String.format(Locale.ROOT, "The ends first: an A/B of good against bad on one machine, forks "
                + "interleaved in seeded random rounds; a cell regressed by the A/B's rule (exact Mann–Whitney, "
                + "Benjamini–Hochberg at %s, at least %s %% worse). Each step then runs the first-parent midpoint of "
                + "the open range interleaved with both ends' trees, on the regressed cells and their ruler, and "
                + "decides per cell from midpoint against good and bad against midpoint, each cell on its own exact "
                + "Mann–Whitney p at %s (the gate's %s split over the %d steps and %d fork levels this range may "
                + "take, and over the cells a step decides, so that the whole bisection answers wrong about that "
                + "rarely): "
                + "same as bad when the midpoint shows the regression against good; same as good when it is shown "
                + "equivalent to good (its 95 %% ratio interval within ±%s %%, Welch t on log fork values) or is not "
                + "slower than good and bad shows the regression against it; unknown otherwise. The step is same as "
                + "bad when any cell is, same as good when all are. Unknown doubles the forks a side (%s); unknown "
                + "at the cap leaves the commit undecided and the next step takes a neighbour, as for a commit that "
                + "does not build (skipped). A ruler (same code on every tree) shown off by more than ±%s %% doubles "
                + "the forks too; still off at the cap, the machine moved: the bisection stops (exit 3). Exit 0: the "
                + "first bad commit found, or not reproduced; 1: a culprit named but not certain, or undecided; "
                + "2: bad input.",
                Double.toString(decision.gate().alpha()), Numbers.plain(decision.gate().minEffectPercent()),
                String.format(Locale.ROOT, "%.4f", stepAlpha), Double.toString(decision.gate().alpha()),
                Math.max(1, BisectPlan.steps(commits)), result.settings().forkLevels().size(),
                Numbers.plain(decision.margin() * 100), String.join(" -> ", result.settings().forkLevels().stream()
                        .map(String::valueOf).toList()), Numbers.plain(decision.rulerTolerance() * 100));
    }

    private static String escape(String text) {
        return ComparisonMarkdown.escape(text);
    }
}
