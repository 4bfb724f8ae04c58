package dev.mapbench.report.html;

import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.TraceReplays;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.trace.OperationShare;
import dev.mapbench.trace.TraceProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The replayed traces' part of the page: each trace's profile beside its verdicts. */
final class TraceView {

    private TraceView() {
    }

    static List<Map<String, Object>> of(TraceReplays section) {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (TraceReplays.Replayed trace : section.traces()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", trace.name());
            TraceProfile profile = trace.profile();
            view.put("hasProfile", profile != null);
            if (profile != null) {
                view.put("file", profile.file());
                view.put("source", profile.source() + " (" + profile.recorderVersion() + ")"
                        + (profile.truncated() ? ", truncated at the recorder's bound" : ""));
                view.put("events", Long.toString(profile.events()));
                view.put("duration", profile.duration());
                view.put("distinctKeys", profile.distinctKeys() + " (" + profile.keysPresentAtStart()
                        + " present at the start, " + (profile.stringKeys() ? "String" : "Long") + " keys)");
                view.put("threads", Integer.toString(profile.threads()));
                view.put("skew", String.format(Locale.ROOT, "Zipf exponent %.2f, R² %.2f over the %d most used keys",
                        profile.skew().exponent(), profile.skew().rSquared(), profile.skew().ranksFitted()));
                view.put("closestPreset", profile.closestPreset() + String.format(Locale.ROOT, " (distance %.2f)",
                        profile.presetDistance()));
                List<Map<String, Object>> operations = new ArrayList<>();
                for (OperationShare share : profile.operations()) {
                    if (share.count() > 0) {
                        operations.add(Map.of("operation", share.operation(), "count", Long.toString(share.count()),
                                "share", String.format(Locale.ROOT, "%.1f %%", 100 * share.share())));
                    }
                }
                view.put("operations", operations);
            }
            List<Map<String, Object>> verdicts = new ArrayList<>();
            for (TraceReplays.AtThreads at : trace.verdicts()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("threads", at.threads());
                row.put("oversubscribed", at.oversubscribed());
                row.put("decided", at.ranking().decided());
                List<Map<String, Object>> strategies = new ArrayList<>();
                for (StrategyVerdict one : at.ranking().strategies()) {
                    strategies.add(Map.of("strategy", one.strategy(), "status", one.status().label(),
                            "score", Numbers.number(one.estimate()) + " " + one.unit(),
                            "ratio", Numbers.ratio(one.ratioToBest()),
                            "interval", "[" + Numbers.ratio(one.ratioLow()) + ", " + Numbers.ratio(one.ratioHigh()) + "]",
                            "forks", one.forks() + (one.forks() == 1 ? " fork" : " forks"), "method", one.method()));
                }
                row.put("strategies", strategies);
                verdicts.add(row);
            }
            view.put("verdicts", verdicts);
            traces.add(view);
        }
        return traces;
    }
}
