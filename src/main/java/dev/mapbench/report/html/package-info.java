/**
 * The HTML format: {@link dev.mapbench.report.html.HtmlReport} renders a report model as the report page,
 * {@link dev.mapbench.report.html.ComparisonHtml} a comparison (its section and its own page) and
 * {@link dev.mapbench.report.html.AbHtml} an A/B, all from {@code report-templates/} through the one loader,
 * {@code Templates}. Views turn model records into the strings the templates show; they depend on the model only.
 */
package dev.mapbench.report.html;
