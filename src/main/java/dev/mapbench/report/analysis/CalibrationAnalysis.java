package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Calibration;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.workload.Benchmarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds the harness-overhead {@link Calibration}s among the cells: each single-thread bare {@code HashMap.get}
 * cell of CalibrationBenchmark, the bare {@code ConcurrentHashMap.get} cell of the same size and distribution,
 * and the matching workload cell, with the ratios between their throughputs.
 */
public final class CalibrationAnalysis {

    /** The bare ConcurrentHashMap calibration benchmark. */
    public static final String BARE_CONCURRENT_BENCHMARK = Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP;

    private static final Map<String, Double> OPS_PER_MICROSECOND = Map.of(
            "ops/s", 1e-6, "ops/ms", 1e-3, "ops/us", 1.0, "ops/ns", 1e3);

    private CalibrationAnalysis() {
    }

    /** {@code numerator} ÷ {@code denominator} throughput, relative errors added in quadrature; empty unless both are ops/time. */
    static Optional<Calibration.Ratio> ratio(BenchmarkCell numerator, BenchmarkCell denominator) {
        OptionalDouble top = opsPerMicrosecond(numerator);
        OptionalDouble bottom = opsPerMicrosecond(denominator);
        if (top.isEmpty() || bottom.isEmpty()) {
            return Optional.empty();
        }
        double value = top.getAsDouble() / bottom.getAsDouble();
        return Optional.of(new Calibration.Ratio(value, value * Math.hypot(relativeError(numerator), relativeError(denominator))));
    }

    /**
     * One calibration per single-thread bare HashMap cell that has a matching workload cell, smallest size
     * first, UNIFORM before ZIPFIAN.
     */
    public static List<Calibration> findAll(List<BenchmarkCell> cells) {
        List<BenchmarkCell> hashMapCells = cells.stream()
                .filter(cell -> cell.benchmark().equals(Benchmarks.CALIBRATION_HASH_MAP))
                .filter(CalibrationAnalysis::singleThreadThroughput)
                .sorted(Comparator.comparingDouble((BenchmarkCell cell) -> number(cell.params().get("size")))
                        .thenComparing(CalibrationAnalysis::distribution))
                .toList();
        List<Calibration> found = new ArrayList<>();
        for (BenchmarkCell bare : hashMapCells) {
            double size = number(bare.params().get("size"));
            Optional<BenchmarkCell> workload = cells.stream()
                    .filter(BenchmarkCell::isWorkloadCell)
                    .filter(CalibrationAnalysis::singleThreadThroughput)
                    .filter(cell -> "CONCURRENT_HASHMAP".equals(cell.params().get(Benchmarks.STRATEGY_PARAM)))
                    .filter(cell -> "100".equals(cell.params().get("readPercent")))
                    .min(Comparator.comparingDouble((BenchmarkCell cell) -> Math.abs(number(cell.params().get("size")) - size))
                            .thenComparing(cell -> !distribution(cell).equals(distribution(bare))));
            Optional<BenchmarkCell> bareConcurrent = cells.stream()
                    .filter(cell -> cell.benchmark().equals(BARE_CONCURRENT_BENCHMARK))
                    .filter(CalibrationAnalysis::singleThreadThroughput)
                    .filter(cell -> Objects.equals(cell.params().get("size"), bare.params().get("size")))
                    .filter(cell -> distribution(cell).equals(distribution(bare)))
                    .findFirst();
            workload.flatMap(cell -> ratio(cell, bare)).ifPresent(ratio -> found.add(new Calibration(bare, bareConcurrent,
                    workload.get(), ratio, bareConcurrent.flatMap(concurrent -> ratio(workload.get(), concurrent)),
                    bareConcurrent.flatMap(concurrent -> ratio(concurrent, bare)))));
        }
        return found;
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

    private static boolean singleThreadThroughput(BenchmarkCell cell) {
        return cell.mode() == BenchmarkMode.THROUGHPUT && cell.threads() == 1;
    }

    private static String distribution(BenchmarkCell cell) {
        return cell.params().getOrDefault("keyDistribution", "UNIFORM");
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
