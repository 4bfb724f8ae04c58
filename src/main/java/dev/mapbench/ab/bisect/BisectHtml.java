package dev.mapbench.ab.bisect;

import dev.mapbench.ab.AbRunner;
import dev.mapbench.ab.bisect.BisectResult.CommitState;
import dev.mapbench.ab.bisect.BisectResult.Outcome;
import dev.mapbench.ab.bisect.BisectResult.State;
import dev.mapbench.ab.bisect.BisectResult.Step;
import dev.mapbench.report.html.Templates;
import dev.mapbench.report.model.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bisection's HTML page ({@code bisect.html}), rendered from {@code report-templates/bisect-page.mustache}
 * with the report's stylesheet inlined, so the page opens offline; every value is a pre-formatted string from
 * {@link BisectRender}'s words, escaped by Mustache.
 */
public final class BisectHtml {

    static final String TEMPLATE = "bisect-page.mustache";

    private BisectHtml() {
    }

    /** The self-contained page. */
    public static String render(BisectResult result) {
        return Templates.compile(TEMPLATE).execute(model(result));
    }

    static Map<String, Object> model(BisectResult result) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("css", Templates.resource("report.css"));
        model.put("good", result.range().good().shortHash());
        model.put("bad", result.range().bad().shortHash());
        model.put("outcome", BisectRender.outcome(result));
        model.put("unstable", result.outcome() == Outcome.MACHINE_UNSTABLE);
        model.put("hasNotCertain", !result.notCertain().isEmpty());
        model.put("notCertain", result.notCertain());
        if (result.outcome() == Outcome.FOUND) {
            Map<String, Object> culprit = new LinkedHashMap<>();
            culprit.put("hash", result.culprit().hash());
            culprit.put("subject", result.culprit().subject());
            culprit.put("files", result.culprit().changedFiles());
            List<Map<String, Object>> effect = new ArrayList<>();
            result.effect().forEach(e -> effect.add(Map.of("cell", e.cellId(), "metric", e.metric(), "words", e.words(),
                    "forks", e.forks(), "where", e.where())));
            culprit.put("effect", effect);
            culprit.put("lastGood", result.lastGood().hash());
            culprit.put("lastGoodSubject", result.lastGood().subject());
            model.put("culprit", culprit);
        } else if (result.outcome() != Outcome.NOT_REPRODUCED) {
            model.put("openRange", Map.of("lastGood", result.lastGood().hash(), "lastGoodSubject",
                    result.lastGood().subject(), "firstBad", result.firstBad().hash(), "firstBadSubject",
                    result.firstBad().subject()));
        }
        model.put("header", BisectRender.header(result));
        model.put("hasSteps", !result.steps().isEmpty());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : result.steps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", step.number());
            row.put("commit", step.commit().shortHash());
            row.put("subject", step.commit().subject());
            row.put("position", step.index() + " of " + (result.commits().size() - 1));
            row.put("forks", BisectRender.forks(step));
            row.put("state", step.state().words());
            row.put("badge", badge(step.state()));
            row.put("time", Numbers.duration(step.seconds()));
            List<Map<String, Object>> cells = new ArrayList<>();
            if (step.decided() != null) {
                step.decided().cells().forEach(cell -> cells.add(Map.of("cell", cell.cellId(), "answer",
                        cell.answer().words(), "reason", cell.reason())));
                row.put("ruler", step.decided().rulerNotes());
            }
            row.put("cells", cells);
            row.put("buildFailure", step.buildFailure());
            steps.add(row);
        }
        model.put("steps", steps);
        model.put("endsHeadline", BisectRender.endsHeadline(result));
        List<Map<String, Object>> ends = new ArrayList<>();
        for (String[] row : BisectRender.endsRows(result)) {
            ends.add(Map.of("cell", row[0], "metric", row[1], "statement", row[2], "regression",
                    row[2].startsWith("REGRESSION")));
        }
        model.put("ends", ends);
        long others = BisectRender.otherEndCells(result);
        model.put("otherEnds", others > 0 ? others : null);
        model.put("ruler", result.ends().result().ruler().stream().map(check -> result.ends().cellIds()
                .getOrDefault(check.cell(), check.cell()) + ": "
                + (check.unstable() ? "UNSTABLE: " : "") + check.reason()).toList());
        List<Map<String, Object>> commits = new ArrayList<>();
        for (CommitState commit : result.commits()) {
            boolean culprit = result.culprit() != null && commit.commit().hash().equals(result.culprit().hash());
            commits.add(Map.of("index", commit.index(), "hash", commit.commit().shortHash(), "state",
                    BisectRender.state(result, commit), "badge", culprit ? "over" : badge(commit.state()), "step",
                    commit.step() == 0 ? "" : Integer.toString(commit.step()), "subject", commit.commit().subject()));
        }
        model.put("commits", commits);
        model.put("commitCount", result.commits().size());
        model.put("method", BisectRender.method(result));
        model.put("lastLine", result.lastLine());
        return model;
    }

    private static String badge(State state) {
        return switch (state) {
            case GOOD -> "yes";
            case BAD -> "slower";
            case UNSTABLE -> "over";
            default -> "open";
        };
    }
}
