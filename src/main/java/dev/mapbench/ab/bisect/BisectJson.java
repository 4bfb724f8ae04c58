package dev.mapbench.ab.bisect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.ab.bisect.BisectResult.Attempt;
import dev.mapbench.ab.bisect.BisectResult.CommitState;
import dev.mapbench.ab.bisect.BisectResult.Step;
import dev.mapbench.results.Json;
import dev.mapbench.stats.RatioInterval;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code bisect.json}: the result for machines (the nightly's summary, a later script), one writer. */
public final class BisectJson {

    private BisectJson() {
    }

    /** The result as pretty-printed JSON. */
    public static String write(BisectResult result) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("outcome", result.outcome().name()).put("exit", result.exitCode()).put("lastLine", result.lastLine())
                .put("good", result.range().good().hash()).put("bad", result.range().bad().hash())
                .put("commits", result.range().commits().size()).put("seed", result.settings().seed())
                .put("startForks", result.settings().startForks()).put("maxForks", result.settings().maxForks())
                .put("minEffectPercent", result.settings().decision().gate().minEffectPercent())
                .put("builds", result.builds()).put("buildSeconds", round(result.buildSeconds()))
                .put("measureSeconds", round(result.measureSeconds())).put("wallSeconds", round(result.wallSeconds()));
        if (result.culprit() != null) {
            ObjectNode culprit = root.putObject("culprit");
            culprit.put("hash", result.culprit().hash()).put("subject", result.culprit().subject());
            result.culprit().changedFiles().forEach(culprit.putArray("changedFiles")::add);
            ArrayNode effect = culprit.putArray("effect");
            result.effect().forEach(e -> interval(effect.addObject().put("cell", e.cellId()).put("metric", e.metric())
                    .put("forks", e.forks()).put("where", e.where()), e.ratio()));
        }
        if (result.lastGood() != null) {
            root.put("lastGood", result.lastGood().hash()).put("firstBad", result.firstBad().hash());
        }
        result.notCertain().forEach(root.putArray("notCertain")::add);
        ObjectNode ends = root.putObject("ends");
        attempts(ends.putArray("attempts"), result.ends().attempts().toArray(Attempt[]::new));
        result.ends().regressedKeys().forEach(key -> ends.withArray("regressedCells")
                .add(result.ends().cellIds().getOrDefault(Bisection.label(key), key)));
        result.ends().slowerKeys().forEach(key -> ends.withArray("slowerBelowMinimumEffect")
                .add(result.ends().cellIds().getOrDefault(Bisection.label(key), key)));
        ArrayNode steps = root.putArray("steps");
        for (Step step : result.steps()) {
            ObjectNode node = steps.addObject().put("number", step.number()).put("index", step.index())
                    .put("commit", step.commit().hash()).put("state", step.state().name())
                    .put("seconds", round(step.seconds()));
            if (step.buildFailure() != null) {
                node.put("buildFailure", step.buildFailure());
            }
            attempts(node.putArray("attempts"), step.attempts().toArray(Attempt[]::new));
            if (step.decided() != null) {
                ArrayNode cells = node.putArray("cells");
                step.decided().cells().forEach(cell -> interval(cells.addObject().put("cell", cell.cellId())
                        .put("answer", cell.answer().name()).put("partial", cell.partial())
                        .put("reason", cell.reason()), cell.midVsGood()));
            }
        }
        ArrayNode commits = root.putArray("commitStates");
        for (CommitState commit : result.commits()) {
            commits.addObject().put("index", commit.index()).put("commit", commit.commit().hash())
                    .put("state", commit.state().name()).put("step", commit.step());
        }
        try {
            return Json.pretty(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attempts(ArrayNode array, Attempt... attempts) {
        for (Attempt attempt : attempts) {
            array.addObject().put("forks", attempt.forks()).put("seed", attempt.seed())
                    .put("answer", attempt.answer().name()).put("unstable", attempt.unstable())
                    .put("seconds", round(attempt.seconds()));
        }
    }

    private static void interval(ObjectNode node, RatioInterval ratio) {
        if (ratio != null) {
            node.put("ratio", ratio.ratio()).put("low", ratio.low()).put("high", ratio.high());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
