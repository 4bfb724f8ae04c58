/**
 * The statistics core: the one place where mapbench decides anything from measurements.
 *
 * <p>A sample is one <em>fork</em> (the mean of that fork's measured iterations): iterations inside a fork
 * share its JIT decisions and memory layout, so they cannot show the largest noise there is, which is
 * between forks (forks of one cell have landed up to 2× apart on the development machine). Everything
 * here works on fork values ({@link ForkSample}):
 * <ul>
 *   <li>{@link ForkSpread} is the between-fork spread the run itself measured (pooled variance of log fork
 *       values, the largest fork ratio), with a documented prior until the run has its own;</li>
 *   <li>{@link RatioInterval} is the ratio of two cells with its interval: Welch's t on log fork values
 *       with each variance moderated toward the run's spread, or, with too few forks to test, the
 *       spread rule (a difference counts only when it is larger than the largest fork spread measured);</li>
 *   <li>{@link Verdicts} classifies every strategy of one workload as best, equivalent, slower or
 *       undecided ({@link VerdictStatus}), Bonferroni-corrected over the workload's comparisons;</li>
 *   <li>{@link RankTest}, {@link BenjaminiHochberg} and {@link MedianInterval} serve the baseline /
 *       candidate comparison (exact Mann–Whitney U on fork values, false-discovery correction across cells,
 *       distribution-free median intervals).</li>
 * </ul>
 * The runner (which cells still need forks), the report (verdicts, {@code verdicts.csv}) and
 * {@code scripts/compare} all ask this package; none of them computes a test of its own.
 */
package dev.mapbench.stats;
