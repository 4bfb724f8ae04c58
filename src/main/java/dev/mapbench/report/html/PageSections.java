package dev.mapbench.report.html;

import dev.mapbench.report.model.Calibration;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The smaller sections of the page (calibration, method, correctness) as text for the template. */
final class PageSections {

    private PageSections() {
    }

    static Map<String, Object> calibration(Calibration calibration) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("cells", calibration.describe());
        row.put("calibrationScore", score(calibration.calibration()));
        row.put("bareConcurrentScore", calibration.bareConcurrent().map(PageSections::score).orElse("not measured"));
        row.put("workloadScore", score(calibration.workload()));
        row.put("workload", calibration.workload().params().toString());
        row.put("ratio", ratio(Optional.of(calibration.ratio())));
        row.put("harness", ratio(calibration.harness()));
        row.put("map", ratio(calibration.map()));
        return row;
    }

    private static String score(BenchmarkCell cell) {
        return Numbers.measured(cell.primary().score(), cell.primary().scoreError()) + " "
                + cell.primary().unit();
    }

    private static String ratio(Optional<Calibration.Ratio> ratio) {
        return ratio.map(r -> Numbers.number(r.value()) + " " + Numbers.error(r.error())).orElse("—");
    }

    static Map<String, Object> method(ResultSet results) {
        List<BenchmarkCell> cells = results.cells();
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("effort", distinct(results.distinctEnvironments(), RunEnvironment::effort));
        method.put("forks", distinct(cells, cell -> String.valueOf(cell.forks())));
        method.put("warmup", distinct(cells, cell -> cell.warmup().describe()));
        method.put("measurement", distinct(cells, cell -> cell.measurement().describe()));
        method.put("modes", distinct(cells, cell -> cell.mode().label()));
        method.put("jmhVersions", distinct(cells, cell -> cell.jvm().jmhVersion()));
        method.put("jvms", distinct(cells, cell -> (cell.jvm().vmName() + " " + cell.jvm().jdkVersion()).trim()));
        return method;
    }

    private static <T> String distinct(List<T> items, Function<T, String> value) {
        String joined = items.stream().map(value).filter(Objects::nonNull).filter(text -> !text.isBlank())
                .distinct().sorted().collect(Collectors.joining(", "));
        return joined.isEmpty() ? "not recorded" : joined;
    }
}
