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
 * any {@code profiles/**}{@code /*.html} (linked as flame graphs). Allocation per write is derived
 * from the 0 %-read cell ({@code gc.alloc.rate.norm}, every operation writes); no other derived file is
 * read. Correctness results come from {@code target/correctness/hazard-rates.json} (contract 3) or
 * {@code --correctness}.
 */
package dev.mapbench.report;
