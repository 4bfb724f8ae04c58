/**
 * JMH results as a small immutable model, and the reader that builds it from JMH JSON files and
 * mapbench run folders.
 *
 * <p>Start at {@link dev.mapbench.results.JmhResultReader#read(java.util.List)}: it returns a
 * {@link dev.mapbench.results.ResultSet} of {@link dev.mapbench.results.BenchmarkCell}s, each with a
 * primary {@link dev.mapbench.results.Metric} (score, error, confidence interval, unit, per-fork raw
 * data) and its secondary metrics by normalized name. Bad input is reported as a
 * {@link dev.mapbench.results.BadInputException} naming the file and the problem.
 *
 * <p>A run folder's own files are typed records, each with one reader and one writer and a format version:
 * {@link dev.mapbench.results.EnvJson} ({@link dev.mapbench.results.EnvJsonFile}), whose
 * {@link dev.mapbench.results.Machine} is the one definition of "the same environment";
 * {@link dev.mapbench.results.ForkRow} ({@link dev.mapbench.results.ForksCsv}); and an A/B's
 * {@link dev.mapbench.results.AbJson}. Every JSON file goes through {@link dev.mapbench.results.Json}, every
 * file that must never be seen half-written through {@link dev.mapbench.results.AtomicFile}.
 */
package dev.mapbench.results;
