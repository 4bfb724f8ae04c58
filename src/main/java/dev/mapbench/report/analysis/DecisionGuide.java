package dev.mapbench.report.analysis;

import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.model.Summary;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.WorkloadId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The decision guide under the summary: a few sentences, each computed from the summary's own cells
 * and verdicts and naming the cells it rests on. Nothing here is known in advance; a strategy is named
 * only because the run's numbers put it there.
 *
 * <ul>
 *   <li>Per read band (read-mostly ≥ {@value #READ_MOSTLY} % reads, mixed, write-heavy ≤ {@value #WRITE_HEAVY} %),
 *       uncontended (1 thread) and contended (2 threads or more) apart: which strategy is best or equivalent in
 *       every workload of the band, or which comes closest and where it is not. Apart, because a strategy that
 *       wins every 1-thread workload can collapse as soon as a second thread contends, and one sentence over both
 *       would call it closest on the strength of its 1-thread wins. Oversubscribed workloads are left out: they
 *       measure the scheduler.</li>
 *   <li>Collapses: a strategy {@value #COLLAPSE}× or more below the best, where and at worst by how much
 *       (a trend "as writes grow" only when every workload from some read % down collapsed).</li>
 *   <li>Undecided workloads, and the forks the statistics core estimates would decide them.</li>
 *   <li>The range of bytes allocated per operation.</li>
 * </ul>
 */
public final class DecisionGuide {

    /** Read % at or above which a workload is read-mostly. */
    public static final int READ_MOSTLY = 90;
    /** Read % at or below which a workload is write-heavy. */
    public static final int WRITE_HEAVY = 10;
    /** A strategy this many times slower than the best has collapsed. */
    public static final int COLLAPSE = 10;

    private DecisionGuide() {
    }

    /** A margin given as a fraction, as people write it: 0.1 → "10", 0.025 → "2.5". */
    private static String marginPercent(double fraction) {
        return Numbers.plain(fraction * 100);
    }

    /**
     * The sentences for {@code summary} (whose guide is ignored); {@code margin} is the equivalence margin
     * the verdicts were decided with, a fraction (0.10 for ±10 %).
     */
    static List<Summary.Sentence> write(Summary summary, double margin) {
        String within = "±" + marginPercent(margin) + " %";
        List<Summary.Cell> cells = summary.cells();
        List<Summary.Sentence> sentences = new ArrayList<>();
        for (Contention contention : Contention.values()) {
            for (Band band : Band.values()) {
                band(band, contention, cells, within).ifPresent(sentences::add);
            }
        }
        sentences.addAll(collapses(cells));
        undecided(cells, within).ifPresent(sentences::add);
        allocation(cells).ifPresent(sentences::add);
        return sentences;
    }

    /** One thread (no one to contend with), or several. */
    private enum Contention {
        UNCONTENDED("uncontended"), CONTENDED("contended");

        private final String label;

        Contention(String label) {
            this.label = label;
        }

        boolean contains(int threads) {
            return this == UNCONTENDED ? threads == 1 : threads > 1;
        }
    }

    private enum Band {
        READ_MOSTLY_BAND("read-mostly workloads"), MIXED("mixed workloads"), WRITE_HEAVY_BAND("write-heavy workloads");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        boolean contains(int readPercent) {
            return switch (this) {
                case READ_MOSTLY_BAND -> readPercent >= READ_MOSTLY;
                case WRITE_HEAVY_BAND -> readPercent <= WRITE_HEAVY;
                case MIXED -> readPercent > WRITE_HEAVY && readPercent < READ_MOSTLY;
            };
        }
    }

    private static Optional<Summary.Sentence> band(Band band, Contention contention, List<Summary.Cell> all,
            String within) {
        List<Summary.Cell> cells = all.stream().filter(cell -> band.contains(cell.grid().readPercent()))
                .filter(cell -> contention.contains(cell.grid().threads()))
                .filter(cell -> !cell.oversubscribed()).filter(cell -> cell.verdict().isPresent()).toList();
        Set<WorkloadId> workloads = cells.stream().map(Summary.Cell::grid).collect(Collectors.toCollection(LinkedHashSet::new));
        if (workloads.isEmpty()) {
            return Optional.empty();
        }
        String reads = cells.stream().map(cell -> cell.grid().readPercent()).distinct()
                .sorted(Comparator.reverseOrder()).map(String::valueOf).collect(Collectors.joining(", "));
        int n = workloads.size();
        String threads = cells.stream().map(cell -> cell.grid().threads()).distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(", "));
        String scope = String.format(Locale.ROOT, "In %s %s (%s %% reads, %s thread%s; %d workload%s, oversubscribed ones "
                + "left out)", contention.label, band.label, reads, threads, threads.equals("1") ? "" : "s", n,
                n == 1 ? "" : "s");
        Map<String, List<Summary.Cell>> byStrategy = cells.stream().collect(Collectors.groupingBy(Summary.Cell::strategy,
                LinkedHashMap::new, Collectors.toList()));
        List<String> everywhere = byStrategy.entrySet().stream()
                .filter(entry -> entry.getValue().size() == n && entry.getValue().stream().allMatch(DecisionGuide::top))
                .map(Map.Entry::getKey).toList();
        if (!everywhere.isEmpty()) {
            List<String> ids = cells.stream().filter(cell -> everywhere.contains(cell.strategy())).map(Summary.Cell::id).toList();
            return Optional.of(new Summary.Sentence(scope + ", " + names(everywhere) + (everywhere.size() == 1 ? " is" : " are")
                    + " best or equivalent (within " + within + ") in every one.", ids));
        }
        Comparator<Map.Entry<String, List<Summary.Cell>>> closest = Comparator
                .comparingLong((Map.Entry<String, List<Summary.Cell>> entry) -> entry.getValue().stream().filter(DecisionGuide::top).count())
                .thenComparingLong(entry -> -entry.getValue().stream().filter(cell -> is(cell, VerdictStatus.SLOWER)).count())
                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());
        Map.Entry<String, List<Summary.Cell>> leader = byStrategy.entrySet().stream().max(closest).orElseThrow();
        List<Summary.Cell> mine = leader.getValue();
        long best = mine.stream().filter(cell -> is(cell, VerdictStatus.BEST)).count();
        long equivalent = mine.stream().filter(cell -> is(cell, VerdictStatus.EQUIVALENT)).count();
        List<Summary.Cell> slower = mine.stream().filter(cell -> is(cell, VerdictStatus.SLOWER)).toList();
        long undecided = mine.stream().filter(cell -> is(cell, VerdictStatus.UNDECIDED)).count();
        StringBuilder text = new StringBuilder(scope).append(", no strategy is shown best or equivalent in every one. ")
                .append(leader.getKey()).append(" comes closest: best in ").append(best).append(" of ").append(n);
        if (equivalent > 0) {
            text.append(", equivalent in ").append(equivalent);
        }
        if (undecided > 0) {
            text.append(", undecided in ").append(undecided);
        }
        if (!slower.isEmpty()) {
            Summary.Cell worst = slower.stream().min(Comparator.comparingDouble(Summary.Cell::ratioToBest)).orElseThrow();
            text.append(", shown slower in ").append(slower.size()).append(" (at worst ").append(Numbers.shortRatio(worst.ratioToBest()))
                    .append(" the best, ").append(describe(worst.grid())).append(")");
        }
        if (mine.size() < n) {
            text.append(", not measured in ").append(n - mine.size());
        }
        text.append('.');
        return Optional.of(new Summary.Sentence(text.toString(), mine.stream().map(Summary.Cell::id).toList()));
    }

    private static List<Summary.Sentence> collapses(List<Summary.Cell> all) {
        Map<String, List<Summary.Cell>> byStrategy = all.stream().filter(Summary.Cell::threadSafe)
                .filter(cell -> !cell.oversubscribed()).filter(cell -> Double.isFinite(cell.ratioToBest()))
                .collect(Collectors.groupingBy(Summary.Cell::strategy, LinkedHashMap::new, Collectors.toList()));
        List<Summary.Sentence> sentences = new ArrayList<>();
        byStrategy.forEach((strategy, cells) -> {
            List<Summary.Cell> collapsed = cells.stream().filter(cell -> cell.ratioToBest() <= 1.0 / COLLAPSE).toList();
            if (collapsed.isEmpty()) {
                return;
            }
            Summary.Cell worst = collapsed.stream().min(Comparator.comparingDouble(Summary.Cell::ratioToBest)).orElseThrow();
            int highestRead = collapsed.stream().mapToInt(cell -> cell.grid().readPercent()).max().orElseThrow();
            int mostReads = cells.stream().mapToInt(cell -> cell.grid().readPercent()).max().orElseThrow();
            List<Summary.Cell> atOrBelow = cells.stream().filter(cell -> cell.grid().readPercent() <= highestRead).toList();
            String claim;
            if (highestRead < mostReads && collapsed.size() == atOrBelow.size()) {
                // Only then is it a trend: fine at the most reads measured, collapsed from some read % down.
                claim = String.format(Locale.ROOT, "%s collapses as writes grow: %d× or more below the best in every workload"
                        + " at %d %% reads or fewer (%d)", strategy, COLLAPSE, highestRead, collapsed.size());
            } else {
                claim = String.format(Locale.ROOT, "%s falls %d× or more below the best in %d of %d workloads", strategy,
                        COLLAPSE, collapsed.size(), cells.size());
            }
            sentences.add(new Summary.Sentence(String.format(Locale.ROOT, "%s; at worst %s the best (%s× slower), %s.", claim,
                    Numbers.shortRatio(worst.ratioToBest()), Numbers.twoDigits(1 / worst.ratioToBest()), describe(worst.grid())),
                    collapsed.stream().map(Summary.Cell::id).toList()));
        });
        return sentences;
    }

    private static Optional<Summary.Sentence> undecided(List<Summary.Cell> measured, String within) {
        // Oversubscribed workloads are never decided: counting them would only restate that.
        List<Summary.Cell> all = measured.stream().filter(cell -> !cell.oversubscribed()).toList();
        List<Summary.Cell> open = all.stream().filter(cell -> is(cell, VerdictStatus.UNDECIDED)).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        long workloads = open.stream().map(Summary.Cell::workload).distinct().count();
        long total = all.stream().filter(cell -> cell.verdict().isPresent()).map(Summary.Cell::workload).distinct().count();
        IntSummaryStatistics counts = all.stream().mapToInt(cell -> cell.verdict().map(StrategyVerdict::forks).orElse(0))
                .filter(count -> count > 0).summaryStatistics();
        String forks = counts.getMin() == counts.getMax()
                ? counts.getMin() + (counts.getMin() == 1 ? " fork" : " forks")
                : counts.getMin() + " to " + counts.getMax() + " forks";
        int needed = open.stream().mapToInt(cell -> cell.verdict().orElseThrow().forksNeeded()).filter(count -> count > 0)
                .max().orElse(0);
        List<Integer> decidable = open.stream().map(cell -> cell.verdict().orElseThrow().forksNeeded())
                .filter(count -> count > 0 && count < dev.mapbench.stats.Verdicts.TOO_CLOSE_TO_CALL).sorted().toList();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d workloads that do not oversubscribe leave %d strategy verdict%s undecided (neither shown within %s of the best nor "
                        + "shown slower) with %s per cell", workloads, total, open.size(), open.size() == 1 ? "" : "s", within,
                forks));
        if (!decidable.isEmpty()) {
            text.append(String.format(Locale.ROOT, "; the statistics core estimates %d to %d forks per cell would decide %d of them",
                    decidable.get(0), decidable.get(decidable.size() - 1), decidable.size()));
            if (needed >= dev.mapbench.stats.Verdicts.TOO_CLOSE_TO_CALL) {
                text.append(", the others are too close to the " + within + " margin to call");
            }
            text.append(" (-Dbench.forks=N)");
        } else if (needed > 0) {
            text.append("; they are too close to the " + within + " margin to call with any practical number of forks");
        }
        text.append('.');
        return Optional.of(new Summary.Sentence(text.toString(), open.stream().map(Summary.Cell::id).toList()));
    }

    private static Optional<Summary.Sentence> allocation(List<Summary.Cell> all) {
        List<Summary.Cell> measured = all.stream().filter(Summary.Cell::threadSafe).filter(cell -> !cell.oversubscribed())
                .filter(cell -> cell.bytesPerOp().isPresent() && Double.isFinite(cell.bytesPerOp().get().score())).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Summary.Cell> mostPerStrategy = new LinkedHashMap<>();
        for (Summary.Cell cell : measured) {
            mostPerStrategy.merge(cell.strategy(), cell, (a, b) -> bytes(a) >= bytes(b) ? a : b);
        }
        Summary.Cell heaviest = mostPerStrategy.values().stream().max(Comparator.comparingDouble(DecisionGuide::bytes)).orElseThrow();
        Summary.Cell lightest = mostPerStrategy.values().stream().min(Comparator.comparingDouble(DecisionGuide::bytes)).orElseThrow();
        if (heaviest == lightest) {
            return Optional.empty();
        }
        return Optional.of(new Summary.Sentence(String.format(Locale.ROOT,
                "Allocation per operation: %s allocates at most %s B/op in any workload; %s up to %s B/op (%s).",
                lightest.strategy(), bytesText(bytes(lightest)), heaviest.strategy(), bytesText(bytes(heaviest)),
                describe(heaviest.grid())), List.of(lightest.id(), heaviest.id())));
    }

    private static double bytes(Summary.Cell cell) {
        return cell.bytesPerOp().map(metric -> metric.score()).orElse(Double.NaN);
    }

    private static String bytesText(double bytes) {
        return bytes < Numbers.TINY ? "< 0.001" : Numbers.twoDigits(bytes);
    }

    private static boolean top(Summary.Cell cell) {
        return is(cell, VerdictStatus.BEST) || is(cell, VerdictStatus.EQUIVALENT);
    }

    private static boolean is(Summary.Cell cell, VerdictStatus status) {
        return cell.status().filter(status::equals).isPresent();
    }

    private static String names(List<String> strategies) {
        if (strategies.size() == 1) {
            return strategies.get(0);
        }
        return String.join(", ", strategies.subList(0, strategies.size() - 1)) + " and " + strategies.get(strategies.size() - 1);
    }

    private static String describe(WorkloadId workload) {
        return String.format(Locale.ROOT, "%d %% reads, %d thread%s, size %s, %s", workload.readPercent(), workload.threads(),
                workload.threads() == 1 ? "" : "s", Numbers.whole(workload.size()), workload.keyDistribution());
    }
}
