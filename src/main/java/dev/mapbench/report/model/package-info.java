/**
 * The report model: immutable records of what a report, a comparison and an A/B show, built by the analyses
 * and read by every format. No markup and no files; numbers stay numbers, except in the sentences an analysis
 * writes. {@link dev.mapbench.report.model.ReportModel} holds one report's
 * {@link dev.mapbench.report.model.ReportSection}s by type; {@link dev.mapbench.report.model.ChartSpec} is what a
 * chart shows; {@link dev.mapbench.report.model.Comparison} and {@link dev.mapbench.report.model.AbReport} are what
 * the comparison and the A/B found; {@link dev.mapbench.report.model.Numbers} is the one number formatter and
 * {@link dev.mapbench.report.model.ReportFiles} names the report folder's files.
 */
package dev.mapbench.report.model;
