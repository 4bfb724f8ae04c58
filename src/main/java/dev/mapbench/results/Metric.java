package dev.mapbench.results;

import dev.mapbench.stats.SteadyState;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * One JMH metric of a cell: the score with JMH's error and confidence interval, its unit, and the
 * measurements it was computed from.
 *
 * <p>{@code scoreError} is JMH's half-width of the 99.9 % confidence interval (Student's t over all
 * measurement iterations of all forks); it is NaN when JMH could not compute it (a single
 * iteration). {@code rawData} holds one list per fork, one value per measurement iteration. For
 * SampleTime, JMH writes a histogram instead; the reader turns each iteration's histogram into that
 * iteration's mean, so {@code rawData} has the same shape in every mode.
 *
 * @param score the score JMH reports (may be NaN or infinite: JMH writes them as strings)
 * @param scoreError half-width of the 99.9 % confidence interval, NaN when unknown
 * @param confidenceLow lower bound of the 99.9 % confidence interval
 * @param confidenceHigh upper bound of the 99.9 % confidence interval
 * @param unit the unit, e.g. {@code ops/us}, {@code us/op}, {@code B/op}
 * @param percentiles JMH's score percentiles keyed by percentile (0.0 .. 100.0); for SampleTime the
 *     latency distribution, for other modes the distribution of iteration scores; may be empty
 * @param rawData per fork, per measurement iteration; may be empty when JMH wrote none
 */
public record Metric(
        double score,
        double scoreError,
        double confidenceLow,
        double confidenceHigh,
        String unit,
        SortedMap<Double, Double> percentiles,
        List<List<Double>> rawData) {

    /** Copies the collections so a metric cannot change after it is built. */
    public Metric {
        percentiles = Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
        rawData = rawData.stream().map(List::copyOf).toList();
    }

    /** A metric with no percentiles or raw data, for tests and derived figures. */
    public static Metric of(double score, double scoreError, String unit) {
        return new Metric(score, scoreError, score - scoreError, score + scoreError, unit,
                new TreeMap<>(), List.of());
    }

    /**
     * Each fork's value, in fork order (empty without raw data): the mean of its steady measured iterations
     * ({@link SteadyState}: leading iterations still trending are left out). What every verdict rests on.
     */
    public double[] forkValues() {
        return steadyStates().stream().mapToDouble(SteadyState::value).toArray();
    }

    /** Each fork's steady state: which of its measured iterations were still trending. */
    public List<SteadyState> steadyStates() {
        return rawData.stream()
                .filter(fork -> !fork.isEmpty())
                .map(fork -> SteadyState.of(fork.stream().mapToDouble(Double::doubleValue).toArray()))
                .toList();
    }

    /** The mean of each fork's measurement iterations, all of them, in fork order (empty without raw data). */
    public double[] forkMeans() {
        return rawData.stream()
                .filter(fork -> !fork.isEmpty())
                .mapToDouble(fork -> fork.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))
                .toArray();
    }

    /** Every measurement iteration of every fork, flattened. */
    public double[] allSamples() {
        return rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    /** True when the score and its error are finite numbers. */
    public boolean hasFiniteError() {
        return Double.isFinite(score) && Double.isFinite(scoreError);
    }

    /** The percentile JMH reported, e.g. {@code percentile(99.0)}, or NaN if absent. */
    public double percentile(double percent) {
        Double value = percentiles.get(percent);
        return value == null ? Double.NaN : value;
    }
}
