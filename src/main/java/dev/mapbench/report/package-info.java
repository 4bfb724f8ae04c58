/**
 * The analysis report: one straight pipe from JMH JSON to what people look at.
 *
 * <p>{@link dev.mapbench.report.ReportCli} reads inputs with {@link dev.mapbench.results.JmhResultReader},
 * computes a {@link dev.mapbench.report.ReportContent} (verdicts, calibration ratio, chart specs) and
 * hands it to the writers, each in its own package: {@code csv/} (Commons CSV), {@code chart/} (one
 * JFreeChart component, SVG and PNG) and {@code html/} (JMustache templates from
 * {@code report-templates/}).
 *
 * <p>What it reads from a run folder (contract 1): {@code jmh-result.json}, or {@code cells/*.json}
 * when the run was killed; {@code env.json} (cores for oversubscription, environment table, effort);
 * {@code profiles/<cell>/cpu.html} and {@code alloc.html} (linked per cell as flame graphs, relative to the
 * report folder, with {@code profiles/profiler.json}'s fallback line); {@code gc-pauses/<cell>.json} (the GC
 * sweep's stop-the-world pauses, {@link dev.mapbench.report.GcSweepResults}). Latency cells
 * ({@link dev.mapbench.report.LatencyResults}) and GC sweep cells get their own sections, never the verdict
 * table or the generic charts. Bytes per read and per write come from the 100 %- and 0 %-read cells'
 * {@code gc.alloc.rate.norm} ({@link dev.mapbench.report.AllocationSplit}, derived by
 * {@link dev.mapbench.results.ReadWriteAllocation} like the runner's {@code alloc-per-op.csv}, which is not
 * read), with {@link dev.mapbench.report.ReadAllocationFinding} naming the strategies whose reads allocate;
 * no other derived file is read. Correctness results come from {@code target/correctness/hazard-rates.json} (contract 3) or
 * {@code --correctness}.
 *
 * <p>Optional sections: a run folder's {@code footprint.json} (format: {@link dev.mapbench.footprint.FootprintReport},
 * read back into that record by {@link dev.mapbench.report.FootprintResults}); {@code --baseline}, compared with
 * {@code dev.mapbench.compare}'s own comparator and rendered by its section template; {@code --history}, the
 * nightly CSV of {@link dev.mapbench.compare.HistoryCsv}, whose shifted cells are charted by
 * {@link dev.mapbench.report.CellHistory}. A bad file among them is bad input like any other.
 */
package dev.mapbench.report;
