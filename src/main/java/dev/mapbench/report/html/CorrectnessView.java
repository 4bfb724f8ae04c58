package dev.mapbench.report.html;

import dev.mapbench.report.CorrectnessResults;
import dev.mapbench.report.LinearizabilityResults;
import dev.mapbench.report.ReportContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correctness section as text for the template: Lincheck's verdict per strategy and mode, the hazard
 * rates, when and at which commit the tests produced them against the benchmark run's commit, and the
 * exact command that adds or refreshes them.
 */
final class CorrectnessView {

    /** What adds the results to a checkout that has none, or refreshes old ones. */
    static final String REFRESH = "mvn -B verify";

    private CorrectnessView() {
    }

    static Map<String, Object> of(ReportContent content) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<String> runCommits = content.results().distinctEnvironments().stream()
                .map(environment -> environment.env().run().git()).filter(git -> git != null && git.commit() != null)
                .map(git -> git.commit()).filter(commit -> !commit.isBlank() && !commit.equals("null")).distinct().toList();
        view.put("refresh", REFRESH);
        view.put("location", content.correctnessLocation().toString());
        content.linearizability().ifPresent(results -> view.put("linearizability", linearizability(results, runCommits)));
        content.correctness().filter(results -> !results.hazards().isEmpty())
                .ifPresent(results -> view.put("hazards", hazards(results, runCommits)));
        view.put("complete", view.containsKey("linearizability") && view.containsKey("hazards"));
        return view;
    }

    private static Map<String, Object> linearizability(LinearizabilityResults results, List<String> runCommits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provenance", provenance(results.generatedAt(), results.commit(), runCommits));
        view.put("stale", stale(results.commit(), runCommits));
        view.put("scenarios", results.scenarios());
        Map<String, Map<String, Object>> byStrategy = new LinkedHashMap<>();
        for (LinearizabilityResults.Check check : results.checks()) {
            Map<String, Object> row = byStrategy.computeIfAbsent(check.strategy(), strategy -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("strategy", strategy);
                return fresh;
            });
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("passed", check.passed());
            outcome.put("seconds", Format.number(check.seconds()));
            outcome.put("detail", check.detail());
            row.put(check.check().startsWith("model") ? "model" : "stress", outcome);
        }
        view.put("rows", new ArrayList<>(byStrategy.values()));
        view.put("allPassed", results.checks().stream().allMatch(LinearizabilityResults.Check::passed));
        view.put("count", results.checks().size());
        return view;
    }

    private static Map<String, Object> hazards(CorrectnessResults results, List<String> runCommits) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provenance", provenance(results.generatedAt(), results.commit(), runCommits));
        view.put("stale", stale(results.commit(), runCommits));
        view.put("jvm", results.jvm());
        view.put("cores", results.cores());
        view.put("rows", results.hazards().stream().map(hazard -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hazard", hazard.hazard());
            row.put("strategy", hazard.strategy());
            row.put("observed", hazard.observed());
            row.put("trials", hazard.trials());
            row.put("seconds", Format.number(hazard.seconds()));
            row.put("rate", Format.number(hazard.rate()) + " " + hazard.rateUnit());
            row.put("detail", hazard.detail());
            return row;
        }).toList());
        return view;
    }

    private static String provenance(String generatedAt, String commit, List<String> runCommits) {
        String at = commit.isBlank() || commit.equals("null") ? "an unrecorded commit" : "commit " + shortCommit(commit);
        String relation;
        if (runCommits.isEmpty()) {
            relation = "the benchmark run recorded no commit";
        } else if (runCommits.contains(commit)) {
            relation = "the same commit as the benchmark run";
        } else {
            relation = "the benchmark run is at " + String.join(", ", runCommits.stream().map(CorrectnessView::shortCommit).toList());
        }
        return "From the last test run in this checkout, " + generatedAt + ", at " + at + " (" + relation + ").";
    }

    private static boolean stale(String commit, List<String> runCommits) {
        return !runCommits.isEmpty() && !runCommits.contains(commit);
    }

    private static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
