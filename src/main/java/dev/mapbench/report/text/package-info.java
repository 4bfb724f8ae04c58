/**
 * The plain-text and Markdown format of the comparison ({@link dev.mapbench.report.text.ComparisonText},
 * {@link dev.mapbench.report.text.ComparisonMarkdown}) and of the A/B ({@link dev.mapbench.report.text.AbText},
 * {@link dev.mapbench.report.text.AbMarkdown}); it depends on the model only.
 */
package dev.mapbench.report.text;
