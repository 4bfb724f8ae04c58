package dev.mapbench.stats;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a fork's measured iterations had reached steady state, and the fork's value from those that had.
 *
 * <p>A fork whose warm-up ended too early still trends in its first measured iterations: JIT compilation,
 * a heap or cache settling. The rule: the leading iterations are <em>unsteady</em> while each lies outside
 * the range of the iterations after it by more than that range's own width (the fork's within-fork spread),
 * and by at least {@link #MIN_DEVIATION}: below their minimum divided by that factor, or above their maximum
 * times it. A ramp of two warm-up iterations where the second already reaches halfway is not caught (the
 * second widens the range the first is judged against); a variant that asks the first k iterations to lie
 * outside the range of the rest catches it, but flagged 17–29 % of 2-thread forks whatever the warm-up, in-fork
 * mode switches taken for trends, against 10–17 % for this rule. A fork whose later iterations jump between modes (2-thread cells on 2 cores do) has a wide range,
 * and its first iteration must stand far outside it to count. At least {@link #MIN_STEADY} iterations always
 * stay. The fork's value is the mean of its steady iterations; the runner gives the cell's later forks a
 * longer warm-up, and the report counts the forks and cells affected.
 *
 * <p>Why this rule and floor: measured warm-up curves (24 × 50 ms iterations without warm-up, 2 forks of 60
 * default-effort cells, 2026-12-01) flagged 63 % of 1-thread workload forks with no warm-up, 19 % after
 * 100 ms, 6–12 % from 200–400 ms on: the rule finds warm-up where there is some and little where there is
 * none. A rule on robust deviations of the later iterations (4 MADs, 10 % floor) kept flagging 20–30 % of
 * 2-thread forks however long the warm-up, from the cells' own in-fork modes.
 *
 * @param iterations the measured iterations, in order
 * @param steadyFrom index of the first steady iteration (0 when the fork was steady throughout)
 */
public record SteadyState(double[] iterations, int steadyFrom) {

    /** The smallest factor outside the later iterations' range that counts as a trend: 20 %. */
    public static final double MIN_DEVIATION = Math.log(1.20);
    /** Iterations that always count as steady: the last three. */
    public static final int MIN_STEADY = 3;

    /** Copies the iterations. */
    public SteadyState {
        iterations = iterations.clone();
    }

    /** The steady state of one fork's measured iterations (non-positive values are never judged unsteady). */
    public static SteadyState of(double... iterations) {
        int from = 0;
        while (iterations.length - from > MIN_STEADY && outsideTheRest(iterations, from)) {
            from++;
        }
        return new SteadyState(iterations, from);
    }

    /** Whether iteration {@code index} lies outside the range of the iterations after it, as the rule says. */
    private static boolean outsideTheRest(double[] values, int index) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i = index + 1; i < values.length; i++) {
            if (!(values[i] > 0 && Double.isFinite(values[i]))) {
                return false;
            }
            low = Math.min(low, values[i]);
            high = Math.max(high, values[i]);
        }
        double factor = Math.exp(Math.max(MIN_DEVIATION, Math.log(high / low)));
        double first = values[index];
        return first > 0 && (first < low / factor || first > high * factor);
    }

    /** Whether some leading iterations were still trending. */
    public boolean unsteady() {
        return steadyFrom > 0;
    }

    /** The fork's value: the mean of its steady iterations (NaN without iterations). */
    public double value() {
        return Arrays.stream(iterations, steadyFrom, iterations.length).average().orElse(Double.NaN);
    }

    /** The mean of every measured iteration, as JMH scores a fork. */
    public double allIterationsMean() {
        return Arrays.stream(iterations).average().orElse(Double.NaN);
    }

    /** One line, e.g. "iterations 1–2 of 5 still trending (31.2, 38.0; steady 57.1–60.3)". */
    public String describe() {
        if (!unsteady()) {
            return "steady from its first measured iteration";
        }
        double[] steady = Arrays.copyOfRange(iterations, steadyFrom, iterations.length);
        return String.format(Locale.ROOT, "measured iteration%s %s of %d still trending (%s; steady %.4g–%.4g)",
                steadyFrom == 1 ? "" : "s", steadyFrom == 1 ? "1" : "1–" + steadyFrom, iterations.length,
                String.join(", ", Arrays.stream(iterations, 0, steadyFrom).mapToObj(v -> String.format(Locale.ROOT,
                        "%.4g", v)).toList()), Arrays.stream(steady).min().orElse(Double.NaN),
                Arrays.stream(steady).max().orElse(Double.NaN));
    }
}
