package dev.mapbench.runner;

import dev.mapbench.bench.KeyDistribution;
import java.util.List;
import java.util.Locale;

/**
 * How hard a run measures: which sizes and key distributions, how many forks, how long each iteration.
 *
 * <p>Budgets are planned as cells × forks × (fork start + warmup + measurement + per-iteration
 * bookkeeping), with the fork start and bookkeeping measured on the 2-core development machine
 * ({@link #FORK_START_SECONDS}, {@link #ITERATION_OVERHEAD_SECONDS}); {@link #plannedSecondsPerCell()}
 * is that arithmetic, and the runner uses it as its first time-left estimate.
 *
 * <p>Warm-up is chosen per benchmark from measured warm-up curves ({@code scripts/warmup-curves}: no warm-up,
 * 24 × 50 ms iterations, 2 forks of 60 default-effort cells, 2026-12-01; docs/measurements.md). The share of
 * forks whose first measured iteration still lay outside the rest ({@code SteadyState}) fell, for 1-thread
 * workload forks, from 63 % without warm-up to 19 % after 100 ms and 6–12 % from 200 to 400 ms, and stayed
 * 10–17 % at 2 threads whatever the warm-up (in-fork modes, not warm-up): the workload warms up 2 × 150 ms
 * (300 ms, where the 1-thread share had fallen to 6 %; 450 ms gave no fewer), which leaves the 15-minute race
 * about a tenth more forks. The calibration cells (a bare {@code get}) were flat from 100 ms on: 2 × 100 ms. A cell whose fork still trends
 * gets a longer warm-up for its later forks. JMH's error is a 99.9 % interval whose t-quantile is 31.6 for 3
 * samples but 8.6 for 5, so five shorter measurement iterations beat three longer ones.
 */
public enum Effort {
    /** Pipeline check, at most 2 minutes on 2 cores: one size, one distribution, threads 1 and 2 × cores. */
    SMOKE(List.of(100), List.of(KeyDistribution.UNIFORM), 1, 1, 100, 3, 100, 1, 100),
    /** What {@code mvn verify -Pbench} runs: a race within 15 minutes for the whole command on 2 cores. */
    DEFAULT(List.of(100, 10_000), List.of(KeyDistribution.UNIFORM, KeyDistribution.ZIPFIAN), 1, 2, 150, 5, 100, 2, 100),
    /** Nightly: six forks per cell for fork-level statistics, three sizes; shard it across machines. */
    FULL(List.of(100, 1_000, 10_000), List.of(KeyDistribution.UNIFORM, KeyDistribution.ZIPFIAN), 6, 3, 500, 5, 500, 2,
            250);

    /** Measured start-up of a forked benchmark JVM (JVM, JMH handshake, setup) on the 2-core machine. */
    static final double FORK_START_SECONDS = 0.6;
    /** Measured JMH bookkeeping per iteration with {@code -prof gc}. */
    static final double ITERATION_OVERHEAD_SECONDS = 0.03;

    private final List<Integer> sizes;
    private final List<KeyDistribution> distributions;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;
    private final int calibrationWarmupIterations;
    private final int calibrationWarmupMillis;

    Effort(List<Integer> sizes, List<KeyDistribution> distributions, int forks, int warmupIterations,
            int warmupMillis, int measurementIterations, int measurementMillis, int calibrationWarmupIterations,
            int calibrationWarmupMillis) {
        this.calibrationWarmupIterations = calibrationWarmupIterations;
        this.calibrationWarmupMillis = calibrationWarmupMillis;
        this.sizes = sizes;
        this.distributions = distributions;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
    }

    /** Parses {@code smoke}, {@code default} or {@code full} (any case); blank means {@link #DEFAULT}. */
    public static Effort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of smoke, default, full");
        }
    }

    /**
     * Thread counts for this effort, chosen from the sweep: smoke keeps only the first and the last; the
     * default effort keeps those that do not oversubscribe the machine (its budget goes to decisions, and
     * oversubscribed cells are never decided: add them with {@code -Dbench.threads=1,2,4}); full keeps all.
     */
    public List<Integer> threadsFrom(List<Integer> sweep, int cores) {
        if (this == SMOKE && sweep.size() > 2) {
            return List.of(sweep.get(0), sweep.get(sweep.size() - 1));
        }
        if (this == DEFAULT) {
            List<Integer> fitting = sweep.stream().filter(threads -> threads <= cores).toList();
            return fitting.isEmpty() ? List.of(sweep.get(0)) : fitting;
        }
        return sweep;
    }

    /** Planned wall time of one cell, in seconds. */
    public double plannedSecondsPerCell() {
        return timing().plannedSeconds();
    }

    /** This effort's forks and iterations for a workload cell. */
    public CellTiming timing() {
        return new CellTiming(forks, warmupIterations, warmupMillis, measurementIterations, measurementMillis);
    }

    /** This effort's forks and iterations for a calibration cell: the workload's, with the calibration's warm-up. */
    public CellTiming calibrationTiming() {
        return new CellTiming(forks, calibrationWarmupIterations, calibrationWarmupMillis, measurementIterations,
                measurementMillis);
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public List<KeyDistribution> distributions() {
        return distributions;
    }

    public int forks() {
        return forks;
    }

    public int warmupIterations() {
        return warmupIterations;
    }

    public int warmupMillis() {
        return warmupMillis;
    }

    public int measurementIterations() {
        return measurementIterations;
    }

    public int measurementMillis() {
        return measurementMillis;
    }

    /** Lower-case name, as typed on the command line and written to env.json. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
