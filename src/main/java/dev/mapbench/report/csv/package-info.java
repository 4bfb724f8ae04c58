/** The CSV format: {@link dev.mapbench.report.csv.CsvReport#writeAll} writes a report model's CSV files. */
package dev.mapbench.report.csv;
