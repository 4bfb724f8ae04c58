package dev.mapbench.report;

import dev.mapbench.results.BenchmarkCell;
import java.util.Comparator;
import java.util.Optional;

/**
 * One mapbench workload (contract 2): read ratio × threads × map size × key distribution. The
 * strategies measured under the same workload are what the verdict table compares.
 */
public record Workload(int readPercent, int threads, long size, String keyDistribution) {

    /** The workload benchmark's fully qualified class name. */
    public static final String WORKLOAD_BENCHMARK_CLASS = "dev.mapbench.bench.MapWorkloadBenchmark";
    /** The calibration benchmark (plain HashMap get). */
    public static final String CALIBRATION_BENCHMARK = "dev.mapbench.bench.CalibrationBenchmark.hashMapGet";
    /** The strategy param of the workload benchmark. */
    public static final String STRATEGY = "strategy";

    /** Orders workloads for display: distribution, size, read ratio descending, threads. */
    public static final Comparator<Workload> DISPLAY_ORDER = Comparator.comparing(Workload::keyDistribution)
            .thenComparingLong(Workload::size)
            .thenComparing(Comparator.comparingInt(Workload::readPercent).reversed())
            .thenComparingInt(Workload::threads);

    /** The workload of a MapWorkloadBenchmark cell that has all four params as numbers/text. */
    public static Optional<Workload> of(BenchmarkCell cell) {
        if (!cell.benchmark().startsWith(WORKLOAD_BENCHMARK_CLASS + ".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Workload(
                    Integer.parseInt(cell.params().get("readPercent")),
                    cell.threads(),
                    Long.parseLong(cell.params().get("size")),
                    cell.params().getOrDefault("keyDistribution", "UNIFORM")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True for a workload cell that names its strategy. */
    public static boolean isWorkloadCell(BenchmarkCell cell) {
        return of(cell).isPresent() && cell.params().containsKey(STRATEGY);
    }

    /** A label such as {@code 95 % read, 4 threads, size 1000, ZIPFIAN}. */
    public String describe() {
        return readPercent + " % read, " + threads + (threads == 1 ? " thread" : " threads")
                + ", size " + size + ", " + keyDistribution;
    }
}
