/**
 * The chart format: {@link dev.mapbench.report.chart.ChartRenderer} draws a {@link dev.mapbench.report.model.ChartSpec}
 * with JFreeChart as SVG (and PNG on request), each series in its {@link dev.mapbench.report.model.StrategyPalette}
 * style.
 */
package dev.mapbench.report.chart;
