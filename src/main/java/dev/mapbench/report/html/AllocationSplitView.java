package dev.mapbench.report.html;

import dev.mapbench.report.model.AllocationSplit;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.ReadAllocationFinding;
import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ReadWriteAllocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The "bytes per read and per write" section as text for the template: the finding, then one row per group. */
final class AllocationSplitView {

    private AllocationSplitView() {
    }

    /** The section's model, or null (no section) when no workload cell had gc.alloc.rate.norm. */
    static Map<String, Object> of(AllocationSplit split) {
        if (split.isEmpty()) {
            return null;
        }
        ReadAllocationFinding finding = split.finding();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("threshold", Numbers.plain(ReadAllocationFinding.THRESHOLD_BYTES));
        view.put("csv", ReportFiles.ALLOCATION_SPLIT_CSV);
        view.put("allocating", finding.allocating().stream().map(AllocationSplitView::allocating).toList());
        view.put("hasAllocatingReads", !finding.allocating().isEmpty());
        view.put("hasQuiet", !finding.quietStrategies().isEmpty());
        view.put("quietStrategies", String.join(", ", finding.quietStrategies()));
        view.put("quietMax", Numbers.number(finding.quietMaxReadBytes()));
        view.put("quietCells", finding.quietCells());
        view.put("rows", split.rows().stream().map(AllocationSplitView::row).toList());
        return view;
    }

    private static Map<String, Object> allocating(ReadAllocationFinding.AllocatingReads reads) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("strategy", reads.strategy());
        view.put("threadCounts", reads.threadCounts().stream().map(count -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("threads", threads(count.threads()));
            line.put("oversubscribed", count.oversubscribed());
            line.put("allocates", count.allocates());
            line.put("bytes", count.minBytes() == count.maxBytes() ? Numbers.number(count.maxBytes())
                    : Numbers.number(count.minBytes()) + " to " + Numbers.number(count.maxBytes()));
            line.put("max", Numbers.number(count.maxBytes()));
            line.put("cells", count.cells() + (count.cells() == 1 ? " cell" : " cells"));
            return line;
        }).toList());
        view.put("holdCounters", reads.holdCounters().map(AllocationSplitView::holdCounters).orElse(null));
        return view;
    }

    private static Map<String, Object> holdCounters(ReadAllocationFinding.HoldCounterEvidence evidence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("singleThreadMax", Numbers.number(evidence.singleThreadMaxBytes()));
        List<Map<String, Object>> threads = new ArrayList<>();
        for (int index = 0; index < evidence.threads().size(); index++) {
            int count = evidence.threads().get(index);
            threads.add(Map.of("count", count, "oversubscribed", evidence.oversubscribedThreads().contains(count),
                    "separator", index == evidence.threads().size() - 1 ? ""
                            : index == evidence.threads().size() - 2 ? " and " : ", "));
        }
        view.put("threads", threads);
        view.put("harnessQuiet", evidence.harnessQuiet());
        view.put("hasCompared", !evidence.compared().isEmpty());
        view.put("compared", String.join(", ", evidence.compared()));
        view.put("comparedMax", Numbers.number(evidence.comparedMaxBytes()));
        view.put("leftOut", evidence.leftOut().isEmpty() ? null : String.join(", ", evidence.leftOut()));
        return view;
    }

    private static Map<String, Object> row(AllocationSplit.Row row) {
        ReadWriteAllocation.Group group = row.allocation().group();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("strategy", group.strategy());
        view.put("notThreadSafe", !row.threadSafe());
        view.put("size", group.size());
        view.put("keyDistribution", group.keyDistribution());
        view.put("threads", group.threads());
        view.put("oversubscribed", row.oversubscribed());
        view.put("read", figure(row.allocation().perRead()));
        view.put("write", figure(row.allocation().perWrite()));
        return view;
    }

    /** "16.00 ± 0.002", or an empty string when the cell was not measured. */
    private static String figure(Optional<Metric> bytes) {
        return bytes.map(metric -> Numbers.measured(metric.score(), metric.scoreError()))
                .orElse("");
    }

    private static String threads(int count) {
        return count + (count == 1 ? " thread" : " threads");
    }
}
