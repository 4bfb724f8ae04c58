package dev.mapbench.report.html;

import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One table per benchmark and mode: every cell with its params, score, allocation and GC. */
final class BenchmarkTables {

    private BenchmarkTables() {
    }

    static List<Map<String, Object>> of(List<BenchmarkCell> all, CoreCount cores) {
        Map<String, List<BenchmarkCell>> byBenchmark = all.stream().collect(Collectors.groupingBy(
                cell -> cell.benchmark() + " (" + cell.mode().label() + ")", LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> tables = new ArrayList<>();
        byBenchmark.forEach((name, cells) -> tables.add(table(name, cells, cores)));
        return tables;
    }

    private static Map<String, Object> table(String name, List<BenchmarkCell> cells, CoreCount cores) {
        Set<String> paramNames = new LinkedHashSet<>();
        cells.forEach(cell -> paramNames.addAll(cell.params().keySet()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchmarkCell cell : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("params", paramNames.stream().map(param -> cell.params().getOrDefault(param, "")).toList());
            row.put("threads", cell.threads());
            row.put("oversubscribed", cores.oversubscribed(cell));
            row.put("score", Numbers.number(cell.primary().score()));
            row.put("error", Numbers.error(cell.primary().scoreError()));
            row.put("forks", cell.forks());
            row.put("bytesPerOp", secondary(cell, BenchmarkCell.ALLOCATION_PER_OP));
            row.put("gcCount", secondary(cell, BenchmarkCell.GC_COUNT));
            row.put("gcTime", secondary(cell, BenchmarkCell.GC_TIME));
            row.put("groupMethods", groupMethods(cell));
            rows.add(row);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", name);
        table.put("unit", cells.get(0).primary().unit());
        table.put("paramNames", List.copyOf(paramNames));
        table.put("rows", rows);
        table.put("cellCount", rows.size());
        return table;
    }

    private static String secondary(BenchmarkCell cell, String name) {
        return cell.secondary(name).map(metric -> Numbers.number(metric.score())).orElse("—");
    }

    /** {@code @Group} per-method scores: secondary metrics in the primary's unit with a plain method name. */
    private static String groupMethods(BenchmarkCell cell) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Metric> entry : cell.secondary().entrySet()) {
            Metric metric = entry.getValue();
            if (metric.unit().equals(cell.primary().unit()) && entry.getKey().matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
                parts.add(entry.getKey() + " " + Numbers.measured(metric.score(), metric.scoreError()));
            }
        }
        return String.join("; ", parts);
    }
}
