package dev.mapbench.report;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The harness-overhead ratio: the workload benchmark's single-thread, 100 %-read ConcurrentHashMap
 * throughput divided by the bare {@code HashMap.get} of CalibrationBenchmark, both in ops/µs. A
 * ratio well below 1 is the cost of the workload harness (key choice, dispatch), not of the map.
 *
 * @param calibration the CalibrationBenchmark.hashMapGet cell
 * @param workload the matching workload cell (same size when measured, else the closest size)
 * @param ratio workload / calibration throughput
 * @param ratioError the ratio's uncertainty from both JMH 99.9 % errors (relative errors added in
 *     quadrature), NaN when unknown
 */
public record Calibration(BenchmarkCell calibration, BenchmarkCell workload, double ratio, double ratioError) {

    private static final Map<String, Double> OPS_PER_MICROSECOND = Map.of(
            "ops/s", 1e-6, "ops/ms", 1e-3, "ops/us", 1.0, "ops/ns", 1e3);

    /** The ratio if both cells were measured in throughput mode. */
    public static Optional<Calibration> find(List<BenchmarkCell> cells) {
        Optional<BenchmarkCell> calibration = cells.stream()
                .filter(cell -> cell.benchmark().equals(Workload.CALIBRATION_BENCHMARK))
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT && cell.threads() == 1)
                .findFirst();
        if (calibration.isEmpty()) {
            return Optional.empty();
        }
        double calibrationSize = number(calibration.get().params().get("size"));
        Optional<BenchmarkCell> workload = cells.stream()
                .filter(Workload::isWorkloadCell)
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT && cell.threads() == 1)
                .filter(cell -> "CONCURRENT_HASHMAP".equals(cell.params().get(Workload.STRATEGY)))
                .filter(cell -> "100".equals(cell.params().get("readPercent")))
                .min(Comparator.comparingDouble((BenchmarkCell cell) -> Math.abs(number(cell.params().get("size")) - calibrationSize))
                        .thenComparing(cell -> !"UNIFORM".equals(cell.params().get("keyDistribution"))));
        if (workload.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble bare = opsPerMicrosecond(calibration.get());
        OptionalDouble harness = opsPerMicrosecond(workload.get());
        if (bare.isEmpty() || harness.isEmpty()) {
            return Optional.empty();
        }
        double ratio = harness.getAsDouble() / bare.getAsDouble();
        double error = ratio * Math.hypot(relativeError(workload.get()), relativeError(calibration.get()));
        return Optional.of(new Calibration(calibration.get(), workload.get(), ratio, error));
    }

    /** The cell's throughput converted to ops/µs, if its unit is an ops/time unit. */
    public static OptionalDouble opsPerMicrosecond(BenchmarkCell cell) {
        Double factor = OPS_PER_MICROSECOND.get(cell.primary().unit());
        return factor == null ? OptionalDouble.empty() : OptionalDouble.of(cell.primary().score() * factor);
    }

    /** The cell's error converted to ops/µs (NaN when unknown or not an ops/time unit). */
    public static double errorOpsPerMicrosecond(BenchmarkCell cell) {
        Double factor = OPS_PER_MICROSECOND.get(cell.primary().unit());
        return factor == null ? Double.NaN : cell.primary().scoreError() * factor;
    }

    private static double relativeError(BenchmarkCell cell) {
        return cell.primary().scoreError() / cell.primary().score();
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }
}
