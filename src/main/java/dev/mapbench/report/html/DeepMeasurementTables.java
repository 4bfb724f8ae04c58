package dev.mapbench.report.html;

import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.FlameGraphLinks;
import dev.mapbench.report.model.GcSweep;
import dev.mapbench.report.model.Latency;
import dev.mapbench.report.model.Link;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latency, GC sweep and flame-graph sections' tables, as text for the template. */
final class DeepMeasurementTables {

    /** Shown where a figure is missing (no GC happened, no pause file). */
    private static final String NONE = "—";

    private DeepMeasurementTables() {
    }

    static List<Map<String, Object>> latency(List<Latency.Row> rows, CoreCount cores) {
        return rows.stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("strategy", row.strategy());
            view.put("kind", row.kind().metric());
            view.put("readers", row.readers());
            view.put("writers", row.writers());
            view.put("threads", row.cell().threads());
            view.put("readerShare", row.readerSharePercent());
            view.put("size", row.size());
            view.put("keyDistribution", row.keyDistribution());
            view.put("oversubscribed", cores.oversubscribed(row.cell()));
            view.put("percentiles", row.percentiles().stream().map(Numbers::number).toList());
            view.put("unit", row.unit());
            return view;
        }).toList();
    }

    static List<Map<String, Object>> gcSweep(List<GcSweep.Workload> workloads, CoreCount cores) {
        return workloads.stream().map(workload -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("strategy", workload.strategy());
            view.put("readPercent", workload.readPercent());
            view.put("size", workload.size());
            view.put("keyDistribution", workload.keyDistribution());
            view.put("threads", workload.threads());
            view.put("oversubscribed", workload.entries().stream().anyMatch(entry -> cores.oversubscribed(entry.cell())));
            view.put("collectors", workload.entries().stream().map(DeepMeasurementTables::collector).toList());
            return view;
        }).toList();
    }

    private static Map<String, Object> collector(GcSweep.Entry entry) {
        BenchmarkCell cell = entry.cell();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("gc", entry.gc());
        view.put("score", Numbers.measured(cell.primary().score(), cell.primary().scoreError()));
        view.put("unit", cell.primary().unit());
        view.put("bytesPerOp", metric(cell.secondary(BenchmarkCell.ALLOCATION_PER_OP)));
        view.put("gcCount", metric(cell.secondary(BenchmarkCell.GC_COUNT)));
        view.put("gcTime", metric(cell.secondary(BenchmarkCell.GC_TIME)));
        view.put("pauses", entry.pauses().map(pauses -> Integer.toString(pauses.pauses())).orElse(NONE));
        view.put("pauseMax", entry.pauses().map(pauses -> Numbers.number(pauses.maxMillis())).orElse(NONE));
        view.put("pauseP99", entry.pauses().map(pauses -> Numbers.number(pauses.p99Millis())).orElse(NONE));
        view.put("pauseTotal", entry.pauses().map(pauses -> Numbers.number(pauses.totalMillis())).orElse(NONE));
        return view;
    }

    /** A secondary metric with its error and unit; "—" when JMH wrote none (gc.time: no collection). */
    private static String metric(Optional<Metric> metric) {
        return metric.map(value -> Numbers.measured(value.score(), value.scoreError())
                + " " + value.unit()).orElse(NONE);
    }

    static List<Map<String, Object>> flameGraphs(FlameGraphLinks index) {
        return index.cells().stream().map(cell -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("cell", cell.cell());
            view.put("oversubscribed", cell.oversubscribed());
            view.put("cpu", cell.cpu().map(Link::href).orElse(null));
            view.put("alloc", cell.alloc().map(Link::href).orElse(null));
            return view;
        }).toList();
    }
}
