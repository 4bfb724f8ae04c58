package dev.mapbench.stats;

import java.util.List;

/**
 * The verdicts of every strategy in one workload.
 *
 * @param strategies the best first, then by ratio to the best, highest first
 */
public record Ranking(List<StrategyVerdict> strategies) {

    /** Copies the list; a ranking has at least one strategy. */
    public Ranking {
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("a ranking needs at least one strategy");
        }
    }

    /** Whether no strategy is undecided. */
    public boolean decided() {
        return strategies.stream().noneMatch(verdict -> verdict.status() == VerdictStatus.UNDECIDED);
    }

    /** The leader. */
    public StrategyVerdict best() {
        return strategies.get(0);
    }

    /** The strategies still undecided. */
    public List<StrategyVerdict> undecided() {
        return strategies.stream().filter(verdict -> verdict.status() == VerdictStatus.UNDECIDED).toList();
    }

    /**
     * The same ranking with every strategy but the best undecided, saying {@code why}: for a workload whose
     * measurements may be shown but must decide nothing (more threads than cores). Ratios and intervals stay.
     */
    public Ranking nothingDecided(String why) {
        return new Ranking(strategies.stream().map(verdict -> verdict.status() == VerdictStatus.BEST ? verdict
                : verdict.withStatus(VerdictStatus.UNDECIDED, 0, why)).toList());
    }

    /** The verdict of one strategy, or null when it was not measured in this workload. */
    public StrategyVerdict of(String strategy) {
        return strategies.stream().filter(verdict -> verdict.strategy().equals(strategy)).findFirst().orElse(null);
    }
}
