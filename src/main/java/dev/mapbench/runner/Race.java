package dev.mapbench.runner;

import dev.mapbench.stats.ForkSample;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.SpreadByThreads;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which cells get the next forks of a racing run (F-race style: measure everything once, then keep
 * measuring only what is still in the race).
 *
 * <p>After round 1 (one fork of every cell), each round computes every workload's verdicts with the
 * statistics core on the forks so far ({@link Verdicts}, the run's own between-fork spread). A workload that
 * does not oversubscribe the machine and still has an undecided strategy is <em>open</em>; its best and its
 * undecided strategies get one fork each this round, while strategies already shown slower or equivalent get
 * none. Open workloads are taken most informative first (fewest forks estimated to decide them), so a round
 * cut short by the budget has spent its forks where a decision is nearest; the round's forks are shuffled
 * within consecutive batches of workloads, so competing cells' forks interleave in randomized order and the
 * machine's drift hits both sides of every comparison. Oversubscribed workloads are never raced.
 */
final class Race {

    /** A batch to shuffle holds at least this many forks (several workloads' cells). */
    static final int BATCH_FORKS = 8;

    /** One fork to run, and why. */
    record PlannedFork(Cell cell, int position, String reason) {
    }

    /** A workload's verdicts as racing sees them. */
    record WorkloadState(String workload, List<Cell> cells, Ranking ranking) {

        boolean open() {
            return !ranking.decided();
        }

        int forksToDecide() {
            return ranking.undecided().stream().mapToInt(StrategyVerdict::forksNeeded).max().orElse(0);
        }

        /**
         * The forks still to run before every undecided strategy reaches the forks estimated to decide it: each
         * undecided strategy's missing forks, and the best's up to the largest of those estimates.
         */
        int forksLeftToDecide() {
            int missing = 0;
            int bestNeeds = 0;
            for (StrategyVerdict verdict : ranking.undecided()) {
                missing += Math.max(0, verdict.forksNeeded() - verdict.forks());
                bestNeeds = Math.max(bestNeeds, verdict.forksNeeded());
            }
            return missing + Math.max(0, bestNeeds - ranking.best().forks());
        }
    }

    private final List<Cell> cells;
    private final List<Integer> positions;
    private final int cores;
    private final VerdictSettings settings;
    private final int maxForks;

    Race(List<Cell> cells, List<Integer> positions, int cores, VerdictSettings settings, int maxForks) {
        this.cells = List.copyOf(cells);
        this.positions = List.copyOf(positions);
        this.cores = cores;
        this.settings = settings;
        this.maxForks = maxForks;
    }

    /**
     * The run's between-fork spread per thread count: every workload cell that does not oversubscribe, as
     * the report measures it.
     */
    SpreadByThreads spread(Map<String, List<Double>> scores) {
        Map<Integer, List<ForkSample>> samples = new TreeMap<>();
        for (Cell cell : cells) {
            List<Double> forks = scores.get(cell.id());
            if (!cell.isCalibration() && !cell.oversubscribed(cores) && forks != null) {
                samples.computeIfAbsent(cell.threads(), threads -> new ArrayList<>())
                        .add(ForkSample.of(forks.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return SpreadByThreads.measure(samples);
    }

    /** Every raced workload (thread-safe strategies, no oversubscription) with its verdicts on the forks so far. */
    List<WorkloadState> workloads(Map<String, List<Double>> scores) {
        SpreadByThreads spread = spread(scores);
        Map<String, List<Cell>> byWorkload = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String workload = cell.workloadKey();
            if (workload != null && !cell.oversubscribed(cores) && cell.strategy().threadSafe()
                    && scores.containsKey(cell.id())) {
                byWorkload.computeIfAbsent(workload, w -> new ArrayList<>()).add(cell);
            }
        }
        List<WorkloadState> states = new ArrayList<>();
        byWorkload.forEach((workload, competing) -> {
            Map<String, ForkSample> samples = new LinkedHashMap<>();
            for (Cell cell : competing) {
                samples.put(cell.strategy().name(),
                        ForkSample.of(scores.get(cell.id()).stream().mapToDouble(Double::doubleValue).toArray()));
            }
            states.add(new WorkloadState(workload, competing, Verdicts.rank(samples, true, "ops/us",
                    spread.at(competing.get(0).threads()), settings)));
        });
        return states;
    }

    /**
     * The forks of round {@code round} (2 or later): for each open workload, most informative first, its best
     * and undecided cells that have fewer than the maximum forks and have not failed; shuffled in batches.
     *
     * <p>Most informative first means fewest forks left to decide it ({@link WorkloadState#forksLeftToDecide}),
     * and only as many workloads are raced as the budget can finish: workloads are taken in that order while
     * the forks they still need add up to at most {@code affordableForks} (always at least one). A workload too
     * close to call for the forks left gets none, so they go where a decision can still be reached.
     */
    List<PlannedFork> nextRound(int round, Map<String, List<Double>> scores, Set<String> failed, Random random,
            double affordableForks) {
        List<WorkloadState> open = new ArrayList<>(workloads(scores).stream().filter(WorkloadState::open).toList());
        open.sort(Comparator.comparingInt(WorkloadState::forksLeftToDecide)
                .thenComparingInt(WorkloadState::forksToDecide)
                .thenComparingInt(state -> forksIn(state, scores)));
        List<WorkloadState> affordable = new ArrayList<>();
        double committed = 0;
        for (WorkloadState state : open) {
            committed += state.forksLeftToDecide();
            if (!affordable.isEmpty() && committed > affordableForks) {
                break;
            }
            affordable.add(state);
        }
        open = affordable;
        List<PlannedFork> planned = new ArrayList<>();
        List<PlannedFork> batch = new ArrayList<>();
        for (WorkloadState state : open) {
            for (Cell cell : state.cells()) {
                StrategyVerdict verdict = state.ranking().of(cell.strategy().name());
                boolean wanted = verdict != null && (verdict.status() == dev.mapbench.stats.VerdictStatus.BEST
                        || verdict.status() == dev.mapbench.stats.VerdictStatus.UNDECIDED);
                if (wanted && !failed.contains(cell.id()) && scores.get(cell.id()).size() < maxForks) {
                    batch.add(new PlannedFork(cell, positionOf(cell), reason(round, state, verdict)));
                }
            }
            if (batch.size() >= BATCH_FORKS) {
                Collections.shuffle(batch, random);
                planned.addAll(batch);
                batch.clear();
            }
        }
        Collections.shuffle(batch, random);
        planned.addAll(batch);
        return planned;
    }

    /** Round 1 (or a fixed design's round): every cell with fewer than {@code forks} forks, shuffled. */
    List<PlannedFork> everyCell(int round, int forks, Map<String, List<Double>> scores, Set<String> failed,
            Random random, String reason) {
        List<PlannedFork> planned = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            List<Double> done = scores.get(cell.id());
            if ((done == null ? 0 : done.size()) < forks && !failed.contains(cell.id())) {
                planned.add(new PlannedFork(cell, positions.get(i), reason));
            }
        }
        Collections.shuffle(planned, random);
        return planned;
    }

    private int positionOf(Cell cell) {
        return positions.get(cells.indexOf(cell));
    }

    private static int forksIn(WorkloadState state, Map<String, List<Double>> scores) {
        return state.cells().stream().mapToInt(cell -> scores.get(cell.id()).size()).sum();
    }

    private static String reason(int round, WorkloadState state, StrategyVerdict verdict) {
        if (verdict.status() == dev.mapbench.stats.VerdictStatus.BEST) {
            return String.format(Locale.ROOT, "round %d: leads open workload %s (%d undecided)", round,
                    state.workload(), state.ranking().undecided().size());
        }
        return String.format(Locale.ROOT, "round %d: undecided in %s at %.3g× the best [%.3g, %.3g], ≈ %s forks a side "
                + "to decide", round, state.workload(), verdict.ratioToBest(), verdict.ratioLow(), verdict.ratioHigh(),
                verdict.forksNeeded() >= Verdicts.TOO_CLOSE_TO_CALL ? "very many" : Integer.toString(verdict.forksNeeded()));
    }
}
