package dev.mapbench.report;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.BenchmarkMode;
import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.ForkSpread;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The throughput verdicts of every workload, asked of the statistics core ({@link Verdicts}) with its
 * default settings and the run's own fork spread. The summary is built on these; where the report
 * keeps its verdicts in {@link ReportContent}, that list is the one to pass instead.
 */
public final class WorkloadVerdicts {

    private WorkloadVerdicts() {
    }

    /** One verdict per throughput workload of the thread-safe strategies among {@code cells}, in display order. */
    public static List<WorkloadVerdict> of(List<BenchmarkCell> cells, CoreCount cores) {
        Map<Workload, List<BenchmarkCell>> byWorkload = cells.stream()
                .filter(Workload::isWorkloadCell)
                .filter(cell -> cell.mode() == BenchmarkMode.THROUGHPUT)
                .filter(cell -> Summary.isThreadSafe(cell.params().get(Workload.STRATEGY)))
                .collect(Collectors.groupingBy(cell -> Workload.of(cell).orElseThrow(),
                        () -> new TreeMap<>(Workload.DISPLAY_ORDER), Collectors.toList()));
        List<ForkSample> all = new ArrayList<>();
        Map<Workload, Map<String, ForkSample>> samples = new LinkedHashMap<>();
        byWorkload.forEach((workload, group) -> {
            Map<String, ForkSample> byStrategy = new LinkedHashMap<>();
            for (BenchmarkCell cell : group) {
                double[] forks = cell.primary().forkMeans();
                ForkSample sample = forks.length > 0 ? ForkSample.of(forks) : ForkSample.of(cell.primary().score());
                byStrategy.put(cell.params().get(Workload.STRATEGY), sample);
                all.add(sample);
            }
            samples.put(workload, byStrategy);
        });
        ForkSpread spread = ForkSpread.measure(all);
        List<WorkloadVerdict> verdicts = new ArrayList<>();
        samples.forEach((workload, byStrategy) -> {
            List<BenchmarkCell> group = byWorkload.get(workload);
            verdicts.add(new WorkloadVerdict(workload, group.stream().anyMatch(cores::oversubscribed),
                    Verdicts.rank(byStrategy, true, group.get(0).primary().unit(), spread, VerdictSettings.defaults())));
        });
        return verdicts;
    }
}
