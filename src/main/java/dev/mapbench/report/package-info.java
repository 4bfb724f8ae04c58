/**
 * The analysis report: one straight pipe from JMH JSON to what people look at, and the report's
 * command-line tools.
 *
 * <p>{@link dev.mapbench.cli.ReportCli} parses the command line into a {@link dev.mapbench.report.ReportRequest};
 * {@link dev.mapbench.report.ReportWriter} reads the inputs with {@link dev.mapbench.results.JmhResultReader}, has
 * the analyses ({@code analysis/}) build a {@link dev.mapbench.report.model.ReportModel} of typed sections
 * ({@code model/}), and hands it to the formats, each in its own package and knowing only the model:
 * {@code csv/} (Commons CSV), {@code chart/} (JFreeChart, SVG and PNG) and {@code html/} (JMustache templates
 * from {@code report-templates/}). {@code text/} is the plain-text and Markdown format of the comparison and the
 * A/B. {@link dev.mapbench.cli.RerunCheck} compares the verdicts of two runs.
 *
 * <p>What it reads from a run folder: {@code jmh-result.json}, or {@code cells/*.json}
 * when the run was killed; {@code env.json} (cores for oversubscription, environment table, effort);
 * {@code forks.csv} (why each cell got each fork); {@code profiles/<cell>/cpu.html} and {@code alloc.html}
 * (linked per cell as flame graphs, relative to the report folder, with {@code profiles/profiler.json}'s
 * fallback line); {@code gc-pauses/<cell>.json} (the GC sweep's stop-the-world pauses); {@code footprint.json}.
 * Latency, iteration and GC sweep cells get their own sections, never the verdict table or the generic charts.
 * Bytes per read and per write come from the 100 %- and 0 %-read cells' {@code gc.alloc.rate.norm}, derived by
 * {@link dev.mapbench.results.ReadWriteAllocation} like the runner's {@code alloc-per-op.csv}, which is not read;
 * no other derived file is read. Correctness results come from {@code target/correctness/hazard-rates.json}
 * or {@code --correctness}.
 *
 * <p>Optional sections: {@code --baseline}, compared with {@code dev.mapbench.compare}'s own comparator; {@code
 * --history}, the nightly CSV of {@link dev.mapbench.compare.HistoryCsv}, whose shifted cells are charted. A bad
 * file among them is bad input like any other.
 */
package dev.mapbench.report;
