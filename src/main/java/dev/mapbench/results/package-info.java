/**
 * JMH results as a small immutable model, and the reader that builds it from JMH JSON files and
 * mapbench run folders.
 *
 * <p>Start at {@link dev.mapbench.results.JmhResultReader#read(java.util.List)}: it returns a
 * {@link dev.mapbench.results.ResultSet} of {@link dev.mapbench.results.BenchmarkCell}s, each with a
 * primary {@link dev.mapbench.results.Metric} (score, error, confidence interval, unit, per-fork raw
 * data) and its secondary metrics by normalized name. Bad input is reported as a
 * {@link dev.mapbench.results.BadInputException} naming the file and the problem.
 */
package dev.mapbench.results;
