package dev.mapbench.report;

import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.WorkloadId;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The harness-overhead ratios for one map size and key distribution.
 *
 * <p>{@link #ratio} is the workload benchmark's single-thread, 100 %-read ConcurrentHashMap throughput
 * divided by the bare {@code HashMap.get} of CalibrationBenchmark: the ratio the suite's target is stated
 * in. It mixes two costs, which the bare {@code ConcurrentHashMap.get} cell, when measured, separates:
 * {@link #harness} (workload ÷ bare ConcurrentHashMap: key choice, operation dispatch, the strategy
 * adapter) and {@link #map} (bare ConcurrentHashMap ÷ bare HashMap: what ConcurrentHashMap's own lookup
 * costs). {@code ratio = harness × map}.
 *
 * @param calibration the CalibrationBenchmark.hashMapGet cell
 * @param bareConcurrent the CalibrationBenchmark.concurrentHashMapGet cell of the same size and
 *     distribution, if measured
 * @param workload the matching workload cell (same size and distribution when measured, else the closest size)
 * @param ratio workload ÷ bare HashMap throughput, with its uncertainty
 */
public record Calibration(BenchmarkCell calibration, Optional<BenchmarkCell> bareConcurrent, BenchmarkCell workload,
        Ratio ratio) {

    /** The bare ConcurrentHashMap calibration benchmark. */
    public static final String BARE_CONCURRENT_BENCHMARK = Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP;

    private static final Map<String, Double> OPS_PER_MICROSECOND = Map.of(
            "ops/s", 1e-6, "ops/ms", 1e-3, "ops/us", 1.0, "ops/ns", 1e3);

    /**
     * A throughput ratio and its uncertainty, from both cells' JMH 99.9 % errors (relative errors added
     * in quadrature); the error is NaN when unknown.
     */
    public record Ratio(double value, double error) {

        static Optional<Ratio> of(BenchmarkCell numerator, BenchmarkCell denominator) {
            OptionalDouble top = opsPerMicrosecond(numerator);
            OptionalDouble bottom = opsPerMicrosecond(denominator);
            if (top.isEmpty() || bottom.isEmpty()) {
                return Optional.empty();
            }
            double value = top.getAsDouble() / bottom.getAsDouble();
            return Optional.of(new Ratio(value, value * Math.hypot(relativeError(numerator), relativeError(denominator))));
        }
    }

    /** WorkloadId ÷ bare ConcurrentHashMap: the harness's own cost, if the bare cell was measured. */
    public Optional<Ratio> harness() {
        return bareConcurrent.flatMap(bare -> Ratio.of(workload, bare));
    }

    /** Bare ConcurrentHashMap ÷ bare HashMap: the map's own cost against a plain HashMap, if measured. */
    public Optional<Ratio> map() {
        return bareConcurrent.flatMap(bare -> Ratio.of(bare, calibration));
    }

    /** The size and distribution this calibration is for, e.g. {@code size 100, UNIFORM}. */
    public String describe() {
        return "size " + calibration.params().getOrDefault("size", "?") + ", "
                + calibration.params().getOrDefault("keyDistribution", "UNIFORM");
    }

    /**
     * One calibration per single-thread bare HashMap cell that has a matching workload cell, smallest size
     * first, UNIFORM before ZIPFIAN.
     */
    public static List<Calibration> findAll(List<BenchmarkCell> cells) {
        List<BenchmarkCell> hashMapCells = cells.stream()
                .filter(cell -> cell.benchmark().equals(Benchmarks.CALIBRATION_HASH_MAP))
                .filter(Calibration::singleThreadThroughput)
                .sorted(Comparator.comparingDouble((BenchmarkCell cell) -> number(cell.params().get("size")))
                        .thenComparing(Calibration::distribution))
                .toList();
        List<Calibration> found = new ArrayList<>();
        for (BenchmarkCell bare : hashMapCells) {
            double size = number(bare.params().get("size"));
            Optional<BenchmarkCell> workload = cells.stream()
                    .filter(BenchmarkCell::isWorkloadCell)
                    .filter(Calibration::singleThreadThroughput)
                    .filter(cell -> "CONCURRENT_HASHMAP".equals(cell.params().get(Benchmarks.STRATEGY_PARAM)))
                    .filter(cell -> "100".equals(cell.params().get("readPercent")))
                    .min(Comparator.comparingDouble((BenchmarkCell cell) -> Math.abs(number(cell.params().get("size")) - size))
                            .thenComparing(cell -> !distribution(cell).equals(distribution(bare))));
            Optional<BenchmarkCell> bareConcurrent = cells.stream()
                    .filter(cell -> cell.benchmark().equals(BARE_CONCURRENT_BENCHMARK))
                    .filter(Calibration::singleThreadThroughput)
                    .filter(cell -> Objects.equals(cell.params().get("size"), bare.params().get("size")))
                    .filter(cell -> distribution(cell).equals(distribution(bare)))
                    .findFirst();
            workload.flatMap(cell -> Ratio.of(cell, bare))
                    .ifPresent(ratio -> found.add(new Calibration(bare, bareConcurrent, workload.get(), ratio)));
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
