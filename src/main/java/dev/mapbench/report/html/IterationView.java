package dev.mapbench.report.html;

import dev.mapbench.report.model.ChartSpec;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.IterationResults;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.Metric;
import dev.mapbench.stats.VerdictStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The iteration section ({@code id="iteration"}) as text for {@code iteration-section.mustache}. */
final class IterationView {

    private static final String NONE = "—";

    private IterationView() {
    }

    /** The section's model, or null when there is no iteration cell (the template then leaves it out). */
    static Map<String, Object> of(IterationResults results, List<ChartSpec> charts, CoreCount cores, boolean png) {
        if (results.isEmpty()) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("percentileLabels", IterationResults.PERCENTILE_LABELS);
        view.put("method", results.method());
        view.put("workloads", results.workloads().stream().map(workload -> workload(workload, cores)).toList());
        view.put("costRows", results.rows().stream().map(row -> cost(row, cores)).toList());
        view.put("viewRows", results.rows().stream().map(row -> seen(row, cores)).toList());
        view.put("charts", charts.stream().map(chart -> Figures.of(chart, png)).toList());
        return view;
    }

    private static Map<String, Object> workload(IterationResults.WorkloadId workload, CoreCount cores) {
        IterationResults.Verdict verdict = workload.verdict();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("visit", workload.visit());
        view.put("size", workload.size());
        view.put("split", split(workload.rows().get(0)));
        view.put("oversubscribed", workload.rows().stream().anyMatch(row -> cores.oversubscribed(row.cell())));
        view.put("fastest", verdict.fastest().strategy());
        view.put("fastestWalk", mean(verdict.fastest().walk()));
        view.put("hasRunnerUp", verdict.runnerUp().isPresent());
        verdict.runnerUp().ifPresent(up -> {
            IterationResults.Row row = workload.rows().stream().filter(r -> r.strategy().equals(up.strategy()))
                    .findFirst().orElseThrow();
            view.put("runnerUp", up.strategy());
            view.put("runnerUpWalk", mean(row.walk()));
            // the core ranks speeds; a walk's time ratio is the inverse, with its interval turned round
            view.put("ratio", Numbers.number(1 / up.ratioToBest()) + " × [" + Numbers.number(1 / up.ratioHigh()) + ", "
                    + Numbers.number(1 / up.ratioLow()) + "]");
            view.put("status", up.status().label());
            view.put("decided", up.status() != VerdictStatus.UNDECIDED);
            view.put("method", up.method() + (up.forksNeeded() > 0 ? "; about " + up.forksNeeded()
                    + " forks a side would decide it" : ""));
        });
        view.put("leastStall", verdict.leastStall().map(IterationResults.Row::strategy).orElse(NONE));
        view.put("leastStallP999", verdict.leastStall().map(row -> Numbers.number(row.writeP999()) + " "
                + unit(row.walk())).orElse(""));
        view.put("consistent", verdict.consistent().isEmpty() ? NONE : String.join(", ", verdict.consistent()));
        view.put("mixed", verdict.mixed().isEmpty() ? NONE : String.join(", ", verdict.mixed()));
        return view;
    }

    private static Map<String, Object> cost(IterationResults.Row row, CoreCount cores) {
        Map<String, Object> view = common(row, cores);
        view.put("walkMean", mean(row.walk()));
        view.put("walkPercentiles", row.walkPercentiles().stream().map(IterationView::number).toList());
        view.put("walkRate", rate(row.walkRate()));
        view.put("writePercentiles", row.writePercentiles().stream().map(IterationView::number).toList());
        view.put("writeRate", rate(row.writeRate()));
        view.put("readRate", row.readers() == 0 ? NONE : rate(row.readRate()));
        view.put("unit", unit(row.walk()));
        return view;
    }

    private static Map<String, Object> seen(IterationResults.Row row, CoreCount cores) {
        Map<String, Object> view = common(row, cores);
        boolean probed = row.probed();
        view.put("walks", probed ? Numbers.whole(row.walks()) : NONE);
        view.put("consistentViews", probed && row.walks() > 0 ? Numbers.whole(row.walks() - row.mixedViews()) + " ("
                + Numbers.share(row.consistentPercent()) + ")" : NONE);
        view.put("racedWalks", row.racedWalks() >= 0 ? Numbers.whole(row.racedWalks()) : NONE);
        view.put("mixedOfRaced", Double.isFinite(row.mixedPercentOfRaced())
                ? Numbers.share(row.mixedPercentOfRaced()) : NONE);
        view.put("writesPerWalk", row.writesPerWalk().map(IterationView::withError).orElse(NONE));
        view.put("visited", Double.isFinite(row.visitedMin()) ? Numbers.whole(row.visitedMin()) + "–" + Numbers.whole(row.visitedMax())
                + " (mean " + Numbers.number(row.visitedMean()) + ")" : NONE);
        view.put("visitedOutside", Double.isFinite(row.visitedMin()) && row.visitedOutsideHeld());
        view.put("held", Numbers.whole(row.heldMin()) + "–" + Numbers.whole(row.size()));
        view.put("allocPerWalk", row.allocPerWalk().map(IterationView::withError).orElse(NONE));
        view.put("guarantee", row.guarantee());
        return view;
    }

    private static Map<String, Object> common(IterationResults.Row row, CoreCount cores) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("strategy", row.strategy());
        view.put("visit", row.visit());
        view.put("size", row.size());
        view.put("split", split(row));
        view.put("oversubscribed", cores.oversubscribed(row.cell()));
        return view;
    }

    private static String split(IterationResults.Row row) {
        return row.iterators() + " + " + row.readers() + " + " + row.writers();
    }

    private static String mean(Metric metric) {
        return (Numbers.number(metric.score()) + " " + Numbers.error(metric.scoreError())).trim() + " " + unit(metric);
    }

    private static String rate(Optional<Metric> metric) {
        return metric.map(IterationView::withError).orElse(NONE);
    }

    private static String withError(Metric metric) {
        return (Numbers.number(metric.score()) + " " + Numbers.error(metric.scoreError())).trim() + " " + metric.unit();
    }

    private static String unit(Metric metric) {
        String unit = metric.unit();
        return unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Numbers.number(value) : NONE;
    }
}
