/**
 * The report's analyses: each reads cells (and the files a run folder holds beside them) and builds one
 * section of the {@link dev.mapbench.report.model.ReportModel}, asking the statistics core for every interval
 * and verdict. Chart builders turn cells into {@link dev.mapbench.report.model.ChartSpec}s. Nothing here knows a
 * format.
 */
package dev.mapbench.report.analysis;
